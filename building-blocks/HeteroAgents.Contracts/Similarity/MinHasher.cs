using System.Text;

namespace HeteroAgents.Contracts;

/// <summary>
/// MinHash signatures of texts over word shingles (lower-cased words, digit runs as <c>0</c>); deterministic for a seed.
/// The one implementation: the flywheel's clustering groups prompts with it, and workers pick in-context examples with it.
/// </summary>
public sealed class MinHasher
{
    private readonly ulong[] _seeds;
    private readonly int _shingleSize;

    /// <summary>Creates a hasher of <paramref name="numHashes"/> functions over <paramref name="shingleSize"/>-word shingles.</summary>
    public MinHasher(int numHashes, int shingleSize, int seed)
    {
        var random = new Random(seed);
        _seeds = new ulong[numHashes];
        for (var i = 0; i < numHashes; i++)
        {
            _seeds[i] = (ulong)random.NextInt64() ^ ((ulong)random.NextInt64() << 1);
        }

        _shingleSize = shingleSize;
    }

    /// <summary>The signature length (number of hash functions).</summary>
    public int Length => _seeds.Length;

    /// <summary>The signature of <paramref name="text"/>: per hash function, the minimum over the text's shingle hashes.</summary>
    public ulong[] Signature(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var signature = new ulong[_seeds.Length];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var shingle in Shingles(text))
        {
            for (var i = 0; i < _seeds.Length; i++)
            {
                var h = Mix(shingle ^ _seeds[i]);
                if (h < signature[i])
                {
                    signature[i] = h;
                }
            }
        }

        return signature;
    }

    /// <summary>The fraction of equal slots: an estimate of the Jaccard similarity of the shingle sets.</summary>
    public static double Similarity(ulong[] a, ulong[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var equal = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                equal++;
            }
        }

        return (double)equal / a.Length;
    }

    /// <summary>Hashes of the word shingles of <paramref name="text"/>: lower-cased words, every digit run as <c>0</c>.</summary>
    private HashSet<ulong> Shingles(string text)
    {
        var words = Words(text);
        var set = new HashSet<ulong>();
        if (words.Count == 0)
        {
            return set;
        }

        var n = Math.Min(_shingleSize, words.Count);
        for (var i = 0; i + n <= words.Count; i++)
        {
            var h = 14695981039346656037UL;
            for (var j = i; j < i + n; j++)
            {
                foreach (var c in words[j])
                {
                    h = (h ^ c) * 1099511628211UL;
                }

                h = (h ^ ' ') * 1099511628211UL;
            }

            set.Add(h);
        }

        return set;
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inDigits = false;
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (char.IsLetter(c))
            {
                current.Append(c);
                inDigits = false;
            }
            else if (char.IsDigit(c))
            {
                if (!inDigits)
                {
                    current.Append('0');
                }

                inDigits = true;
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }

            inDigits = false;
        }
    }

    private static ulong Mix(ulong x)
    {
        // SplitMix64 finalizer.
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9UL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebUL;
        x ^= x >> 31;
        return x;
    }
}

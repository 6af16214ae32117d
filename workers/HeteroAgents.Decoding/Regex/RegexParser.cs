using System.Globalization;

namespace HeteroAgents.Decoding.Regex;

/// <summary>
/// Parses the ECMAScript regular expression subset used by JSON Schema <c>pattern</c>: literals, classes,
/// escapes (<c>\d \w \s \D \W \S \uXXXX \xHH \p{..} \P{..}</c>), groups (capturing, non-capturing, named), alternation,
/// greedy and lazy quantifiers, <c>^</c>/<c>$</c> anywhere, and lookarounds at the anchored ends of top-level
/// alternatives. Other lookarounds, back-references, word boundaries and script properties are rejected.
/// </summary>
internal sealed class RegexParser
{
    private readonly string _p;
    private int _i;

    private RegexParser(string pattern) => _p = pattern;

    /// <summary>Parses a JSON Schema pattern without lookarounds into a node that matches whole strings.</summary>
    public static RegexNode ParseSearchPattern(string pattern)
    {
        var alternatives = ParsePattern(pattern);
        if (alternatives.Any(a => a.Constraints.Count > 0))
        {
            throw new RegexUnsupportedException("lookaround is only supported through the pattern automaton");
        }

        return alternatives.Count == 1 ? alternatives[0].Core : new RegexAlternation([.. alternatives.Select(a => a.Core)]);
    }

    /// <summary>
    /// Parses a JSON Schema pattern (search semantics: it may match anywhere) into whole-string alternatives. Anchors
    /// anywhere are zero-width assertions of the automaton; lookaheads right after a leading <c>^</c> and lookbehinds
    /// right before a trailing <c>$</c> become languages the whole string must (not) belong to. Other lookarounds
    /// are rejected.
    /// </summary>
    public static List<PatternAlternative> ParsePattern(string pattern)
    {
        var parser = new RegexParser(pattern);
        var node = parser.ParseAlternation();
        if (parser._i < pattern.Length)
        {
            throw new RegexUnsupportedException($"unexpected ')' at offset {parser._i}");
        }

        var alternatives = node is RegexAlternation alt ? alt.Items : [node];
        var anyStar = new RegexRepeat(new RegexCharSet(CharRanges.Any), 0, -1);
        var result = new List<PatternAlternative>();
        foreach (var a in alternatives)
        {
            var items = a is RegexConcat c ? c.Items.ToList() : [a];
            var constraints = new List<(RegexNode, bool)>();
            var anchoredStart = items.Count > 0 && items[0] is RegexAnchor { IsStart: true };
            if (anchoredStart)
            {
                items.RemoveAt(0);
                while (items.Count > 0 && items[0] is RegexLookaround { Ahead: true } ahead)
                {
                    constraints.Add((new RegexConcat([ahead.Inner, anyStar]), ahead.Negative));
                    items.RemoveAt(0);
                }
            }

            var anchoredEnd = items.Count > 0 && items[^1] is RegexAnchor { IsStart: false };
            if (anchoredEnd)
            {
                items.RemoveAt(items.Count - 1);
                while (items.Count > 0 && items[^1] is RegexLookaround { Ahead: false } behind)
                {
                    constraints.Add((new RegexConcat([anyStar, behind.Inner]), behind.Negative));
                    items.RemoveAt(items.Count - 1);
                }
            }

            if (ContainsLookaround(items) || constraints.Any(x => ContainsLookaround([x.Item1])))
            {
                throw new RegexUnsupportedException("lookaround is only supported right after a leading ^ (lookahead) or right before a trailing $ (lookbehind)");
            }

            if (!anchoredStart)
            {
                items.Insert(0, anyStar);
            }

            if (!anchoredEnd)
            {
                items.Add(anyStar);
            }

            result.Add(new PatternAlternative(new RegexConcat(items), constraints));
        }

        return result;
    }

    private static bool ContainsLookaround(IEnumerable<RegexNode> nodes) => nodes.Any(n => n switch
    {
        RegexLookaround => true,
        RegexConcat c => ContainsLookaround(c.Items),
        RegexAlternation a => ContainsLookaround(a.Items),
        RegexRepeat r => ContainsLookaround([r.Item]),
        _ => false,
    });

    private bool More => _i < _p.Length;

    private char Peek => _p[_i];

    private RegexNode ParseAlternation()
    {
        var items = new List<RegexNode> { ParseConcat() };
        while (More && Peek == '|')
        {
            _i++;
            items.Add(ParseConcat());
        }

        return items.Count == 1 ? items[0] : new RegexAlternation(items);
    }

    private RegexNode ParseConcat()
    {
        var items = new List<RegexNode>();
        while (More && Peek != '|' && Peek != ')')
        {
            var atom = ParseAtom();
            items.Add(ParseQuantifiers(atom));
        }

        return items.Count == 1 ? items[0] : new RegexConcat(items);
    }

    private RegexNode ParseQuantifiers(RegexNode atom)
    {
        while (More)
        {
            int min, max;
            var c = Peek;
            if (c == '*')
            {
                (min, max) = (0, -1);
                _i++;
            }
            else if (c == '+')
            {
                (min, max) = (1, -1);
                _i++;
            }
            else if (c == '?')
            {
                (min, max) = (0, 1);
                _i++;
            }
            else if (c == '{' && TryParseBraces(out min, out max))
            {
            }
            else
            {
                return atom;
            }

            if (atom is RegexAnchor or RegexLookaround)
            {
                throw new RegexUnsupportedException("quantified anchor or lookaround");
            }

            if (More && Peek == '?')
            {
                _i++; // lazy quantifiers match the same language
            }

            atom = new RegexRepeat(atom, min, max);
        }

        return atom;
    }

    private bool TryParseBraces(out int min, out int max)
    {
        min = max = 0;
        var end = _p.IndexOf('}', _i);
        if (end < 0)
        {
            return false;
        }

        var body = _p[(_i + 1)..end];
        var comma = body.IndexOf(',', StringComparison.Ordinal);
        var ok = comma < 0
            ? int.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out min)
            : int.TryParse(body[..comma], NumberStyles.None, CultureInfo.InvariantCulture, out min);
        if (!ok)
        {
            return false;
        }

        if (comma < 0)
        {
            max = min;
        }
        else if (comma == body.Length - 1)
        {
            max = -1;
        }
        else if (!int.TryParse(body[(comma + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out max))
        {
            return false;
        }

        if (max >= 0 && max < min)
        {
            throw new RegexUnsupportedException($"quantifier {{{body}}} has max < min");
        }

        _i = end + 1;
        return true;
    }

    private RegexNode ParseAtom()
    {
        var c = _p[_i++];
        switch (c)
        {
            case '(':
                if (More && Peek == '?')
                {
                    _i++;
                    if (More && Peek == ':')
                    {
                        _i++;
                    }
                    else if (More && Peek == '<' && _i + 1 < _p.Length && _p[_i + 1] != '=' && _p[_i + 1] != '!')
                    {
                        var close = _p.IndexOf('>', _i);
                        if (close < 0)
                        {
                            throw new RegexUnsupportedException("unterminated group name");
                        }

                        _i = close + 1;
                    }
                    else if (More && (Peek is '=' or '!' || (Peek == '<' && _i + 1 < _p.Length && _p[_i + 1] is '=' or '!')))
                    {
                        var behind = Peek == '<';
                        _i += behind ? 1 : 0;
                        var negative = _p[_i++] == '!';
                        var look = ParseAlternation();
                        if (!More || Peek != ')')
                        {
                            throw new RegexUnsupportedException("missing ')'");
                        }

                        _i++;
                        return new RegexLookaround(look, !behind, negative);
                    }
                    else
                    {
                        throw new RegexUnsupportedException("inline flags are not supported");
                    }
                }

                var inner = ParseAlternation();
                if (!More || Peek != ')')
                {
                    throw new RegexUnsupportedException("missing ')'");
                }

                _i++;
                return inner;
            case '[':
                return ParseClass();
            case '.':
                return new RegexCharSet(CharRanges.Dot);
            case '^':
                return new RegexAnchor(true);
            case '$':
                return new RegexAnchor(false);
            case '\\':
                return ParseEscape(inClass: false, out _);
            case '*' or '+' or '?':
                throw new RegexUnsupportedException($"nothing to repeat at offset {_i - 1}");
            case ')':
                throw new RegexUnsupportedException("unbalanced ')'");
            default:
                return Single(ReadCodePoint(c));
        }
    }

    private int ReadCodePoint(char c)
    {
        if (char.IsHighSurrogate(c) && More && char.IsLowSurrogate(Peek))
        {
            return char.ConvertToUtf32(c, _p[_i++]);
        }

        return c;
    }

    private static RegexCharSet Single(int cp) => new([(cp, cp)]);

    private RegexNode ParseClass()
    {
        var negate = More && Peek == '^';
        if (negate)
        {
            _i++;
        }

        var ranges = new List<(int, int)>();
        var first = true;
        while (true)
        {
            if (!More)
            {
                throw new RegexUnsupportedException("unterminated character class");
            }

            var c = _p[_i++];
            if (c == ']' && !first)
            {
                break;
            }

            if (c == ']' && first)
            {
                // ECMAScript: [] matches nothing, [^] matches anything.
                return new RegexCharSet(negate ? CharRanges.Any : []);
            }

            first = false;
            int lo;
            if (c == '\\')
            {
                var escaped = (RegexCharSet)ParseEscape(inClass: true, out var isSingle);
                if (!isSingle)
                {
                    ranges.AddRange(escaped.Ranges);
                    continue;
                }

                lo = escaped.Ranges[0].Lo;
            }
            else
            {
                lo = ReadCodePoint(c);
            }

            if (_i + 1 < _p.Length && Peek == '-' && _p[_i + 1] != ']')
            {
                _i++;
                var d = _p[_i++];
                int hi;
                if (d == '\\')
                {
                    var escaped = (RegexCharSet)ParseEscape(inClass: true, out var isSingle);
                    if (!isSingle)
                    {
                        throw new RegexUnsupportedException("class escape used as a range bound");
                    }

                    hi = escaped.Ranges[0].Lo;
                }
                else
                {
                    hi = ReadCodePoint(d);
                }

                if (hi < lo)
                {
                    throw new RegexUnsupportedException("character class range out of order");
                }

                ranges.Add((lo, hi));
            }
            else
            {
                ranges.Add((lo, lo));
            }
        }

        var set = CharRanges.Normalize(ranges);
        return new RegexCharSet(negate ? CharRanges.Negate(set) : set);
    }

    private RegexNode ParseEscape(bool inClass, out bool isSingle)
    {
        if (!More)
        {
            throw new RegexUnsupportedException("pattern ends with '\\'");
        }

        isSingle = false;
        var c = _p[_i++];
        switch (c)
        {
            case 'd': return new RegexCharSet(CharRanges.Digit);
            case 'D': return new RegexCharSet(CharRanges.Negate(CharRanges.Digit));
            case 'w': return new RegexCharSet(CharRanges.Word);
            case 'W': return new RegexCharSet(CharRanges.Negate(CharRanges.Word));
            case 's': return new RegexCharSet(CharRanges.Space);
            case 'S': return new RegexCharSet(CharRanges.Negate(CharRanges.Space));
            case 'p' or 'P':
                var close = More && Peek == '{' ? _p.IndexOf('}', _i) : -1;
                if (close < 0)
                {
                    throw new RegexUnsupportedException($"\\{c} needs a {{property}}");
                }

                var ranges = UnicodeProperties.Ranges(_p[(_i + 1)..close]);
                _i = close + 1;
                return new RegexCharSet(c == 'p' ? ranges : CharRanges.Negate(ranges));
        }

        isSingle = true;
        int cp = c switch
        {
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'f' => '\f',
            'v' => '\v',
            '0' when !More || !char.IsAsciiDigit(Peek) => 0,
            'b' when inClass => '\b',
            'x' => ReadHex(2),
            'u' => ReadHex(4),
            _ when char.IsAsciiLetterOrDigit(c) => throw new RegexUnsupportedException($"escape '\\{c}' is not supported"),
            _ => ReadCodePoint(c),
        };
        return Single(cp);
    }

    private int ReadHex(int digits)
    {
        if (digits == 4 && More && Peek == '{')
        {
            throw new RegexUnsupportedException("\\u{...} escapes are not supported");
        }

        if (_i + digits > _p.Length || !int.TryParse(_p.AsSpan(_i, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v))
        {
            throw new RegexUnsupportedException("malformed hex escape");
        }

        _i += digits;
        return v;
    }
}

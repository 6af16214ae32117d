using System.Globalization;
using System.Text;

namespace HeteroAgents.Contracts.Tests.Parsing;

/// <summary>A read-only, non-seekable stream that produces N fixed-length JSONL lines on the fly (never held in memory).</summary>
internal sealed class GeneratedLinesStream(long lines) : Stream
{
    public const int LineLength = 64;
    private long _position;
    private long _cachedIndex = -1;
    private byte[] _cached = [];

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var total = lines * (LineLength + 1);
        var written = 0;
        while (written < count && _position < total)
        {
            var lineIndex = _position / (LineLength + 1);
            var column = (int)(_position % (LineLength + 1));
            var line = Line(lineIndex);
            var take = Math.Min(count - written, LineLength + 1 - column);
            for (var i = 0; i < take; i++)
            {
                buffer[offset + written + i] = column + i == LineLength ? (byte)'\n' : line[column + i];
            }

            written += take;
            _position += take;
        }

        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private byte[] Line(long index)
    {
        if (index != _cachedIndex)
        {
            _cachedIndex = index;
            _cached = Encoding.ASCII.GetBytes(("{\"custom_id\":\"" + index.ToString(CultureInfo.InvariantCulture) + "\"}").PadRight(LineLength));
        }

        return _cached;
    }
}

using System.Buffers;
using System.Buffers.Text;

namespace AnnotatedNorm.Searching;

/// <summary>
/// The framing of Pagefind's service messages over its standard input and output: each message is base64-encoded and
/// ended by a comma, which base64 never holds.
/// </summary>
internal sealed class PagefindMessageChannel(Stream requests, Stream answers) : IDisposable
{
    private readonly BufferedStream requests = new(requests, 64 * 1024);
    private byte[] message = new byte[64 * 1024];
    private byte[] received = new byte[64 * 1024];
    private int receivedStart, receivedEnd;

    /// <summary>Queues a message; <see cref="Flush"/> (or <see cref="Read"/>) sends what is queued.</summary>
    /// <exception cref="IOException">The service stopped reading.</exception>
    public void Write(ReadOnlySpan<byte> json)
    {
        var length = Base64.GetMaxEncodedToUtf8Length(json.Length) + 1;
        if (message.Length < length) message = new byte[Math.Max(length, message.Length * 2)];
        Base64.EncodeToUtf8(json, message, out _, out var written);
        message[written++] = (byte)',';
        requests.Write(message, 0, written);
    }

    /// <exception cref="IOException">The service stopped reading.</exception>
    public void Flush() => requests.Flush();

    /// <summary>
    /// The next message, decoded, valid until the next read; null when the service closed its output first.
    /// </summary>
    /// <exception cref="FormatException">The message is not base64.</exception>
    public ReadOnlyMemory<byte>? Read()
    {
        var searched = receivedStart;
        while (true)
        {
            var comma = received.AsSpan(searched, receivedEnd - searched).IndexOf((byte)',');
            if (comma >= 0)
            {
                var start = receivedStart;
                receivedStart = searched + comma + 1;
                if (Base64.DecodeFromUtf8InPlace(received.AsSpan(start, searched + comma - start), out var length) != OperationStatus.Done)
                    throw new FormatException("a message is not base64");
                return received.AsMemory(start, length);
            }
            searched = receivedEnd;
            if (receivedEnd == received.Length)
            {
                var kept = receivedEnd - receivedStart;
                var into = kept * 2 > received.Length ? new byte[received.Length * 2] : received;
                Array.Copy(received, receivedStart, into, 0, kept);
                received = into;
                searched -= receivedStart;
                receivedStart = 0;
                receivedEnd = kept;
            }
            int read;
            try
            {
                read = answers.Read(received, receivedEnd, received.Length - receivedEnd);
            }
            catch (IOException)
            {
                read = 0;
            }
            if (read == 0) return null;
            receivedEnd += read;
        }
    }

    /// <summary>Closes the service's input.</summary>
    /// <exception cref="IOException">The service stopped reading before the last queued bytes.</exception>
    public void Dispose() => requests.Dispose();
}

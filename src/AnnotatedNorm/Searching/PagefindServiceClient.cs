using System.Buffers;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AnnotatedNorm.Diagnostics;

namespace AnnotatedNorm.Searching;

/// <summary>A file of the bundle Pagefind wrote, relative to the bundle's folder.</summary>
internal readonly record struct PagefindFile(string Path, byte[] Content);

/// <summary>
/// Drives one <c>pagefind --service</c> process: an index that pages are added to from memory and whose bundle comes back
/// in memory. Any failure (a process that cannot start, dies, answers with an error or out of turn, or runs out of time)
/// is error AN1101 at the binary.
/// </summary>
/// <remarks>
/// The protocol is the one of Pagefind's own Node API: each message is JSON, framed by <see cref="PagefindMessageChannel"/>, on
/// stdin for requests (<c>{"message_id": n, "payload": {"type": ...}}</c>) and stdout for the answers, which carry the
/// request's id. The service reads every request as it comes and answers them one at a time in order, so pages are sent
/// without waiting and their answers checked when the bundle is asked for.
/// </remarks>
internal sealed class PagefindServiceClient : IDisposable
{
    private readonly string binaryPath;
    private readonly TimeSpan timeout;
    private readonly Process process;
    private readonly PagefindMessageChannel channel;
    private readonly Timer deadline;
    private readonly StringBuilder errorOutput = new();
    private readonly Queue<(int Id, string Expected, string Subject)> pending = new();
    private readonly ArrayBufferWriter<byte> json = new();
    private readonly Utf8JsonWriter writer;
    private int lastId;
    private volatile bool timedOut;

    private PagefindServiceClient(string binaryPath, TimeSpan timeout, Process process)
    {
        this.binaryPath = binaryPath;
        this.timeout = timeout;
        this.process = process;
        channel = new PagefindMessageChannel(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
        writer = new Utf8JsonWriter(json, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errorOutput) errorOutput.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        // A service that stops reading or answering would block a read or a write for ever; killing it ends both.
        deadline = new Timer(_ => { timedOut = true; Kill(); }, null, timeout, System.Threading.Timeout.InfiniteTimeSpan);
    }

    /// <summary>Starts the service; everything it does from then on must finish within <paramref name="timeout"/>.</summary>
    public static PagefindServiceClient Start(string binaryPath, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(binaryPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--service");
        var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw Failure(binaryPath, $"Pagefind could not be started ({e.Message})");
        }
        return new PagefindServiceClient(binaryPath, timeout, process);
    }

    /// <summary>Creates an index and returns its id.</summary>
    public int NewIndex(IReadOnlyList<string> excludeSelectors, bool keepIndexUrl)
    {
        var writer = Begin("NewIndex");
        writer.WriteStartObject("config");
        writer.WriteStartArray("exclude_selectors");
        foreach (var selector in excludeSelectors) writer.WriteStringValue(selector);
        writer.WriteEndArray();
        writer.WriteBoolean("keep_index_url", keepIndexUrl);
        writer.WriteEndObject();
        Send("NewIndex", "the new index");
        return Receive().GetProperty("index_id").GetInt32();
    }

    /// <summary>Adds a page, as if it were the file <paramref name="path"/> of the site, which gives its URL.</summary>
    public void AddFile(int index, string path, ReadOnlySpan<byte> html)
    {
        var writer = Begin("AddFile");
        writer.WriteNumber("index_id", index);
        writer.WriteString("file_path", path);
        writer.WriteString("file_contents", html);
        Send("IndexedFile", path);
    }

    /// <summary>Builds the index and returns the files of its bundle.</summary>
    public IReadOnlyList<PagefindFile> GetFiles(int index)
    {
        Begin("GetFiles").WriteNumber("index_id", index);
        Send("GetFiles", "the bundle");
        JsonElement payload;
        do payload = Receive();
        while (pending.Count > 0);
        return [.. payload.GetProperty("files").EnumerateArray()
            .Select(f => new PagefindFile(f.GetProperty("path").GetString()!.Replace('\\', '/'), f.GetProperty("content").GetBytesFromBase64()))];
    }

    private Utf8JsonWriter Begin(string type)
    {
        json.ResetWrittenCount();
        writer.Reset(json);
        writer.WriteStartObject();
        writer.WriteNumber("message_id", lastId + 1);
        writer.WriteStartObject("payload");
        writer.WriteString("type", type);
        return writer;
    }

    private void Send(string expected, string subject)
    {
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
        var id = ++lastId;
        try
        {
            channel.Write(json.WrittenSpan);
        }
        catch (IOException)
        {
            throw Stopped($"while it was sent {subject}");
        }
        pending.Enqueue((id, expected, subject));
    }

    /// <summary>Reads the answer to the oldest request still unanswered, and returns its payload.</summary>
    private JsonElement Receive()
    {
        var (id, expected, subject) = pending.Dequeue();
        try
        {
            channel.Flush();
        }
        catch (IOException)
        {
            throw Stopped($"while it was sent {subject}");
        }
        JsonElement answer;
        try
        {
            var text = channel.Read() ?? throw Stopped($"before it answered for {subject}");
            using var document = JsonDocument.Parse(text);
            answer = document.RootElement.Clone();
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw Failure(binaryPath, $"Pagefind's service answered for {subject} with a message that is not base64-encoded JSON ({e.Message})");
        }
        if (!answer.TryGetProperty("payload", out var payload) || !payload.TryGetProperty("type", out var typeProperty))
            throw Failure(binaryPath, $"Pagefind's service answered for {subject} with a message without a payload type");
        var type = typeProperty.GetString();
        var answered = answer.TryGetProperty("message_id", out var idProperty) && idProperty.ValueKind == JsonValueKind.Number ? idProperty.GetInt32() : (int?)null;
        if (type == "Error")
        {
            var reason = payload.TryGetProperty("message", out var m) ? m.GetString() : "no message";
            throw Failure(binaryPath, answered is null
                ? $"Pagefind's service could not read a request: {reason}"
                : $"Pagefind's service failed on {subject}: {reason}");
        }
        if (answered != id || type != expected)
            throw Failure(binaryPath, $"Pagefind's service answered {type} to message {answered?.ToString() ?? "(none)"} where {expected} to message {id} was due ({subject})");
        return payload;
    }

    private BuildException Stopped(string when)
    {
        if (timedOut) return Failure(binaryPath, $"Pagefind did not finish indexing within {timeout.TotalMinutes:0.##} minutes");
        var exited = process.WaitForExit(TimeSpan.FromSeconds(5));
        if (exited) process.WaitForExit();
        string tail;
        lock (errorOutput) tail = errorOutput.ToString().Trim();
        if (tail.Length > 800) tail = "…" + tail[^800..];
        var status = exited ? $"exit code {process.ExitCode}" : "its output closed";
        return Failure(binaryPath, $"Pagefind stopped {when} ({status}){(tail.Length > 0 ? ": " + tail : "")}");
    }

    internal static BuildException Failure(string binaryPath, string message) =>
        new(Diagnostic.Error(binaryPath, 1, 1, "AN1101", message));

    private void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has exited already.
        }
    }

    /// <summary>Closes the service's input, which ends it; one that does not end soon is killed.</summary>
    public void Dispose()
    {
        deadline.Dispose();
        writer.Dispose();
        try
        {
            channel.Dispose();
        }
        catch (IOException)
        {
            // It stopped reading: it is ending or dead, and killed below if not.
        }
        if (!process.WaitForExit(TimeSpan.FromSeconds(5))) Kill();
        process.Dispose();
    }
}

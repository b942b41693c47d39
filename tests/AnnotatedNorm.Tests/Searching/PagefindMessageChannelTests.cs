using System.Text;
using AnnotatedNorm.Searching;

namespace AnnotatedNorm.Tests.Searching;

public class PagefindMessageChannelTests
{
    [Fact]
    public void Should_Read_Back_What_It_Wrote_Message_By_Message_Also_Beyond_Its_Buffer()
    {
        // Given a small message and one of 300 KB written through a channel
        var small = "{\"message_id\":1}"u8.ToArray();
        var large = Encoding.UTF8.GetBytes("{\"file_contents\":\"" + new string('移', 100_000) + "\"}");
        var pipe = new MemoryStream();
        using (var writing = new PagefindMessageChannel(pipe, Stream.Null))
        {
            writing.Write(small);
            writing.Write(large);
        }

        // When another channel reads them
        using var reading = new PagefindMessageChannel(Stream.Null, new MemoryStream(pipe.ToArray()));
        var first = reading.Read()?.ToArray();
        var second = reading.Read()?.ToArray();
        var end = reading.Read();

        // Then each comes back whole, and the end of the output is no message
        Assert.Equal(small, first);
        Assert.Equal(large, second);
        Assert.Null(end);
    }

    [Fact]
    public void Should_Refuse_A_Message_That_Is_Not_Base64()
    {
        // Given an output that is text ended by a comma
        using var reading = new PagefindMessageChannel(Stream.Null, new MemoryStream("error: unknown option,"u8.ToArray()));

        // When it is read, then it is not taken for a message
        Assert.Throws<FormatException>(() => reading.Read());
    }
}

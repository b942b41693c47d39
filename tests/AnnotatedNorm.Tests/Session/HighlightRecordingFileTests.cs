using AnnotatedNorm.Highlighting;
using AnnotatedNorm.Session;

namespace AnnotatedNorm.Tests.Session;

public sealed class HighlightRecordingFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("annotatednorm-bindings-").FullName;

    private static HighlightRecording Recording() => CodeHighlighter.Create(
        [("a.cs", "namespace N;\n/// <see cref=\"P\"/>, <see cref=\"System.String\"/>, <see cref=\"Nowhere\"/>\npublic record P(int X) { public int Twice() { var y = X; return y * 2; } }\n"),
         ("b.cs", "namespace N;\nstatic class Q { static int R() => new P(1).Twice(); }\n"),
         ("c.cs", "namespace N;\nclass S { /// <inheritdoc/>\npublic override string ToString() => \"\";\n/// <inheritdoc/>\npublic void Alone() { } }\n")],
        CodeHighlighterOptions.Default).Recording;

    [Fact]
    public void Should_Read_Back_What_It_Wrote()
    {
        // Given a recording written to a file
        var recording = Recording();
        var path = Path.Combine(folder, "site.bindings");
        HighlightRecordingFile.Write(path, recording);

        // When it is read
        var read = HighlightRecordingFile.Read(path);

        // Then key, files and every binding are equal
        Assert.NotNull(read);
        Assert.Equal(recording.Key, read.Key);
        Assert.Equal(recording.Files.Keys.Order(), read.Files.Keys.Order());
        foreach (var (file, bindings) in recording.Files)
        {
            Assert.Equal(bindings.Length, read.Files[file].Length);
            for (var i = 0; i < bindings.Length; i++)
            {
                Assert.Equal(bindings[i] with { Declares = [] }, read.Files[file][i] with { Declares = [] });
                Assert.Equal(bindings[i].Declares.AsEnumerable(), read.Files[file][i].Declares.AsEnumerable());
            }
        }
        Assert.Contains(recording.Files["a.cs"], b => b.Declares.Length == 2);
        Assert.Equal(recording.Crefs.Keys.Order(), read.Crefs.Keys.Order());
        Assert.Equal(recording.Crefs["a.cs"].AsEnumerable(), read.Crefs["a.cs"].AsEnumerable());
        Assert.Equal([CrefTargetKind.Source, CrefTargetKind.Framework, CrefTargetKind.Unbound], read.Crefs["a.cs"].Select(c => c.Kind));
        Assert.Equal(recording.Inherited.Keys.Order(), read.Inherited.Keys.Order());
        var (written, back) = (recording.Inherited["c.cs"], read.Inherited["c.cs"]);
        Assert.Equal(written.Select(d => d with { Crefs = [] }), back.Select(d => d with { Crefs = [] }));
        Assert.Equal(written.SelectMany(d => d.Crefs), back.SelectMany(d => d.Crefs));
        Assert.Contains("Returns a string", back[0].Xml, StringComparison.Ordinal);
        Assert.Equal((null, "AN0605"), (back[1].Xml, back[1].Code));
        Assert.DoesNotContain(Directory.GetFiles(folder), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(-1)]
    public void Should_Read_A_Damaged_File_As_No_Recording(int keep)
    {
        // Given a file cut short (or with a byte too many)
        var path = Path.Combine(folder, "site.bindings");
        HighlightRecordingFile.Write(path, Recording());
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, keep < 0 ? [.. bytes, 0] : bytes[..keep]);

        // When / Then
        Assert.Null(HighlightRecordingFile.Read(path));
    }

    [Fact]
    public void Should_Read_A_File_With_A_Damaged_Count_As_No_Recording()
    {
        // Given a file whose string count says two billion
        var path = Path.Combine(folder, "site.bindings");
        var recording = Recording();
        HighlightRecordingFile.Write(path, recording);
        var bytes = File.ReadAllBytes(path);
        var countAt = HeaderLength(recording.Key);
        BitConverter.GetBytes(int.MaxValue).CopyTo(bytes, countAt);
        File.WriteAllBytes(path, bytes);

        // When / Then
        Assert.Null(HighlightRecordingFile.Read(path));
    }

    // The magic string, the version and the key, as BinaryWriter writes them (a length byte before each short string).
    private static int HeaderLength(string key) => 1 + "annotatednorm-bindings".Length + sizeof(int) + 1 + key.Length;

    [Fact]
    public void Should_Read_A_Missing_File_As_No_Recording() =>
        Assert.Null(HighlightRecordingFile.Read(Path.Combine(folder, "none.bindings")));

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

using AnnotatedNorm.Serving;

namespace AnnotatedNorm.Tests.Serving;

// Debouncing is about timing: run alone, so a thread pool busy with other tests cannot delay the file events.
[Collection(TimingSensitive.Name)]
public class SiteWatcherTests
{
    [Theory]
    [InlineData("content/normalization/LayerNorm.cs", true)]
    [InlineData("content/xlf/LayerNorm.cs.ja.xlf", true)]
    [InlineData("site-templates/templates/_Layout.cshtml", true)]
    [InlineData("site-templates/node_modules/katex/package.json", false)]
    [InlineData("content/obj/project.assets.json", false)]
    [InlineData("content/.LayerNorm.cs.swp", false)]
    [InlineData("content/LayerNorm.cs~", false)]
    public void Should_Rebuild_Only_For_Files_A_Page_Depends_On(string path, bool matters)
    {
        // Given / When / Then
        Assert.Equal(matters, SiteWatcher.Matters(path));
    }

    [Fact]
    public async Task Should_Call_Back_Once_For_A_Burst_Of_Changes()
    {
        // Given
        var folder = Directory.CreateTempSubdirectory("annotatednorm-watch-").FullName;
        try
        {
            var calls = 0;
            using var watcher = new SiteWatcher([folder], () => Interlocked.Increment(ref calls), TimeSpan.FromMilliseconds(1000));

            // When three writes come well within the quiet period (long, so a loaded machine cannot split the burst)
            for (var i = 0; i < 3; i++)
            {
                File.WriteAllText(Path.Combine(folder, $"page{i}.md"), "# Page");
                await Task.Delay(50);
            }
            await Task.Delay(3000);

            // Then
            Assert.Equal(1, calls);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitive
{
    public const string Name = "timing-sensitive";
}

using AnnotatedNorm.CommentaryRendering;
using AnnotatedNorm.Typesetting;
using AnnotatedNorm.Discovery;
using AnnotatedNorm.Parsing;

namespace AnnotatedNorm.Typesetting;

/// <summary>The engines that render commentary, created once per build: KaTeX in V8 and the Markdown renderer over it.</summary>
public sealed class SiteTypesetter : IDisposable
{
    private SiteTypesetter(KatexPackage katex, KatexRenderer math, Configuration.MathDelimiters delimiters)
    {
        Katex = katex;
        Math = math;
        Commentary = new CommentaryRenderer(math, delimiters);
    }

    public KatexPackage Katex { get; }

    public KatexRenderer Math { get; }

    public CommentaryRenderer Commentary { get; }

    /// <param name="katex">The KaTeX of the site's templates folder (see <see cref="KatexPackage.Locate"/>).</param>
    /// <param name="formulaFolder">Where typeset formulas are kept between runs (see <see cref="KatexRenderer.SaveFormulas"/>), or null.</param>
    public static SiteTypesetter Start(SiteInput site, KatexPackage katex, string? formulaFolder = null)
    {
        return new SiteTypesetter(katex, new KatexRenderer(katex.ScriptPath, site.Configuration.MathMacros, formulaFolder), site.Configuration.Math);
    }

    /// <summary>
    /// Typesets every formula of <paramref name="documents"/>' commentary on a thread of its own, when no formula is
    /// typeset or stored yet; pages rendered later find them ready.
    /// </summary>
    /// <remarks>
    /// V8 runs one formula at a time: typeset while the pages render, it kept one core waiting on the other. Started
    /// beside highlighting, which leaves a core idle much of the time, it costs the build almost no time at all. Only
    /// the default language's commentary is read: a translation must keep the same formulas.
    /// </remarks>
    public Task TypesetAhead(IReadOnlyList<ParsedDocument> documents)
    {
        if (!Math.IsCold || Commentary.Delimiters == Configuration.MathDelimiters.None) return Task.CompletedTask;
        return Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var document in documents)
                    foreach (var section in document.Document.Sections)
                        if (section.Commentary.Markdown.Contains('$'))
                            foreach (var (tex, display) in CommentaryRenderer.FormulasOf(section.Commentary.Markdown, Commentary.Delimiters))
                                Math.TypesetAhead(tex, display);
            }
            // Only a head start: whatever failed here fails again, and is reported, where the page renders the formula.
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
            {
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public void Dispose() => Math.Dispose();
}

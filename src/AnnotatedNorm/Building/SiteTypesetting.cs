using AnnotatedNorm.CommentaryRendering;
using AnnotatedNorm.Typesetting;

namespace AnnotatedNorm.Building;

/// <summary>The engines that render commentary, created once per build: KaTeX in V8 and the Markdown renderer over it.</summary>
public sealed class SiteTypesetting : IDisposable
{
    private SiteTypesetting(KatexPackage katex, KatexRenderer math)
    {
        Katex = katex;
        Math = math;
        Commentary = new CommentaryRenderer(math);
    }

    public KatexPackage Katex { get; }

    public KatexRenderer Math { get; }

    public CommentaryRenderer Commentary { get; }

    /// <param name="formulaFolder">Where typeset formulas are kept between runs (see <see cref="KatexRenderer.SaveFormulas"/>), or null.</param>
    public static SiteTypesetting Start(SiteInput site, string? formulaFolder = null)
    {
        var katex = KatexPackage.Locate(site.TemplatesRoot);
        return new SiteTypesetting(katex, new KatexRenderer(katex.ScriptPath, site.Configuration.MathMacros, formulaFolder));
    }

    public void Dispose() => Math.Dispose();
}

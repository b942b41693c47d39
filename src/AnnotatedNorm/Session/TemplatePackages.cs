using AnnotatedNorm.Searching;
using AnnotatedNorm.Typesetting;

namespace AnnotatedNorm.Session;

/// <summary>
/// The npm packages of the templates folder a build uses, KaTeX and Pagefind, located on a thread of their own from the
/// moment the build knows it has work to do: the <c>npm ci</c> a fresh clone needs then runs beside discovery and
/// parsing, and only the stage that uses a package waits for it.
/// </summary>
internal sealed class TemplatePackages
{
    private readonly Task<KatexPackage> katex;
    private readonly Task<PagefindPackage> pagefind;

    /// <param name="located">Called once KaTeX is located (and installed, if it had to be), before any stage reads it.</param>
    public TemplatePackages(string templatesRoot, Action located)
    {
        katex = Task.Run(() =>
        {
            var package = KatexPackage.Locate(templatesRoot);
            located();
            return package;
        });
        // One npm ci installs both, so Pagefind is looked for once KaTeX is there: it finds itself installed too. When
        // KaTeX failed, the build fails where it typesets and never indexes.
        pagefind = katex.ContinueWith(_ => PagefindPackage.Locate(templatesRoot), CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    /// <exception cref="Diagnostics.BuildException">As <see cref="KatexPackage.Locate"/>: npm is missing or fails, or leaves no KaTeX.</exception>
    public KatexPackage Katex => katex.GetAwaiter().GetResult();

    /// <exception cref="Diagnostics.BuildException">As <see cref="PagefindPackage.Locate"/>: npm fails, or leaves no Pagefind for this platform.</exception>
    public PagefindPackage Pagefind => pagefind.GetAwaiter().GetResult();
}

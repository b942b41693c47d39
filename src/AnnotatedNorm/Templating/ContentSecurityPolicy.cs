using System.Security.Cryptography;
using System.Text;

namespace AnnotatedNorm.Templating;

/// <summary>
/// The Content-Security-Policy every page carries (a <c>&lt;meta http-equiv&gt;</c> in the layout, and the same header
/// from <c>serve</c>): scripts only from the site's own files plus the inline scripts the site itself writes, each
/// allowed by the SHA-256 of its exact text, so a script that reaches a page any other way does not run.
/// </summary>
/// <remarks>
/// Styles allow <c>'unsafe-inline'</c>: KaTeX sizes every formula with <c>style</c> attributes whose values vary
/// with the formula (heights, depths, kerns), so hashing them (<c>'unsafe-hashes'</c>) would mean hundreds of hashes
/// per page, and a style cannot run code. Nothing is loaded from another origin, and there is no <c>eval</c> of script:
/// <c>'wasm-unsafe-eval'</c> lets the search box compile Pagefind's WebAssembly, and nothing else.
/// </remarks>
public static class ContentSecurityPolicy
{
    /// <param name="inlineScripts">The text of every inline <c>&lt;script&gt;</c> the pages hold, exactly as written between its tags.</param>
    public static string For(IEnumerable<string> inlineScripts)
    {
        var hashes = string.Concat(inlineScripts.Select(script => " " + Hash(script)).Distinct(StringComparer.Ordinal));
        return $"default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self' 'unsafe-inline'; img-src 'self'; font-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'";
    }

    /// <summary>The source expression that allows one inline script: <c>'sha256-…'</c> of its UTF-8 text.</summary>
    public static string Hash(string script) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'";
}

using System.Security.Cryptography;
using System.Text;
using AnnotatedNorm.Session;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AnnotatedNorm.Examples;

/// <summary>
/// One hash over what the examples' results depend on: the code of the content's project (its C# files without their
/// comments, its project file, the <c>Directory.Build.*</c> and <c>Directory.Packages.props</c> files above it) and the
/// runner's own sources. Paths are relative, so a fresh clone elsewhere computes the same hash as the one that stored
/// the results.
/// </summary>
/// <remarks>
/// Comments and whitespace are left out because they are where the commentary lives: an edit of commentary keeps the
/// hash, so a build reuses the stored results without compiling anything. An example whose output depends on its own
/// line number (<c>[CallerLineNumber]</c>, a stack trace) would see its results go stale unnoticed; none should.
/// </remarks>
public static class ExampleInputFingerprint
{
    private static readonly string[] MSBuildExtensions = [".csproj", ".props", ".targets"];

    public static string Compute(string project, string runnerProject)
    {
        var text = new StringBuilder("annotatednorm-examples v1\n");
        foreach (var (label, projectFile) in new[] { ("content", project), ("runner", runnerProject) })
        {
            var root = Path.GetDirectoryName(Path.GetFullPath(projectFile))!;
            foreach (var file in Sources(root))
                text.Append(label).Append(' ').Append(Relative(root, file)).Append(' ').Append(Digest(file)).Append('\n');
            for (var dir = Directory.GetParent(root); dir is not null; dir = dir.Parent)
                foreach (var file in dir.EnumerateFiles("Directory.*").Where(f => f.Extension is ".props" or ".targets").Select(f => f.FullName).Order(StringComparer.Ordinal))
                    text.Append(label).Append(' ').Append(Relative(root, file)).Append(' ').Append(Digest(file)).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static IEnumerable<string> Sources(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is var e && (e.Equals(".cs", StringComparison.OrdinalIgnoreCase) || MSBuildExtensions.Contains(e, StringComparer.OrdinalIgnoreCase)))
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or "artifacts" or "node_modules" || p.StartsWith('.')))
            .Order(StringComparer.Ordinal);

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

    private static string Digest(string file) =>
        file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ? CodeDigest(File.ReadAllText(file)) : FileIdentity.Digest(file);

    // The tokens, and every trivia that is not a comment, blank or line end: directives and the text they disable
    // count, so a change under #if counts too.
    private static string CodeDigest(string source)
    {
        var text = new StringBuilder();
        foreach (var token in CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens())
        {
            foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia).Where(Counts))
                text.Append(trivia.ToString()).Append('\0');
            text.Append(token.Text).Append('\0');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static bool Counts(SyntaxTrivia trivia) => trivia.IsDirective || !trivia.HasStructure && trivia.Kind() switch
    {
        SyntaxKind.WhitespaceTrivia or SyntaxKind.EndOfLineTrivia or SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia
            or SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia => false,
        _ => true,
    };
}

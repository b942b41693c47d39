using System.Text;
using AnnotatedNorm.Documents;

namespace AnnotatedNorm.Pages;

/// <summary>Writes a section's code column: highlighted lines with their line numbers from the source file.</summary>
public static class CodeBlockWriter
{
    /// <param name="lines">The section's code lines.</param>
    /// <param name="highlighted">HTML of every line of the file, index = line number - 1.</param>
    /// <returns>A <c>&lt;pre&gt;</c> block, or "" when the section has no code to show.</returns>
    public static string Write(IReadOnlyList<SourceLine> lines, IReadOnlyList<string> highlighted)
    {
        // Blank lines at either end separate sections in the file; on the page the row boundary does that.
        var first = 0;
        var last = lines.Count - 1;
        while (first <= last && lines[first].Text.Trim().Length == 0) first++;
        while (last >= first && lines[last].Text.Trim().Length == 0) last--;
        if (first > last) return "";

        var html = new StringBuilder("<pre><code>");
        for (var i = first; i <= last; i++)
        {
            var number = lines[i].Number;
            var content = number - 1 < highlighted.Count ? highlighted[number - 1] : System.Net.WebUtility.HtmlEncode(lines[i].Text);
            html.Append("<span class=\"line\" data-line=\"").Append(number).Append("\">").Append(content).Append("</span>");
            if (i < last) html.Append('\n');
        }
        return html.Append("</code></pre>").ToString();
    }
}

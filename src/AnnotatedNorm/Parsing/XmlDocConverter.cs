using System.Xml;
using System.Xml.Linq;
using AnnotatedNorm.Documents;

namespace AnnotatedNorm.Parsing;

/// <summary>Converts a run of <c>///</c> lines to Markdown; malformed XML falls back to the text after the markers.</summary>
internal static class XmlDocConverter
{
    private const string Root = "<doc>";

    /// <param name="inherited">What each <c>&lt;inheritdoc&gt;</c> brings in, as XML, by the position of its <c>&lt;</c>; an element it lacks renders nothing.</param>
    public static List<MarkdownLine> Convert(IReadOnlyList<ClassifiedLine> run, IReadOnlyDictionary<SourcePosition, string>? inherited = null)
    {
        var contents = run.Select(l => l.Line.Text[(l.Marker + 3)..]).ToList();
        var indent = BlockCommentReader.CommonIndentation(contents).Length;
        contents = [.. contents.Select(c => string.IsNullOrWhiteSpace(c) ? string.Empty : c[indent..])];
        var columns = run.Select(l => l.Marker + 3 + indent + 1).ToList();

        XElement doc;
        try
        {
            doc = XElement.Parse(Root + string.Join("\n", contents) + "</doc>", LoadOptions.PreserveWhitespace | LoadOptions.SetLineInfo);
        }
        catch (XmlException)
        {
            // Half-written XML is still the author's prose: show it as it stands rather than lose it.
            return [.. contents.Select((c, i) => new MarkdownLine(c.TrimEnd(), new SourcePosition(run[i].Line.Number, columns[i])))];
        }

        foreach (var element in doc.Descendants("inheritdoc").ToList())
            element.ReplaceWith(Inherited(element));

        var result = new List<MarkdownLine>();
        XmlDocBlock? previous = null;
        foreach (var block in XmlDocBlockWriter.Write(doc))
        {
            var firstLine = Math.Clamp(block.XmlLine - 1, 0, run.Count - 1);
            if (previous is not null && (previous.List is null || previous.List != block.List))
                result.Add(new MarkdownLine(string.Empty, Origin(firstLine)));
            for (var k = 0; k < block.Lines.Count; k++)
                result.Add(new MarkdownLine(block.Lines[k], Origin(Math.Min(firstLine + k, run.Count - 1))));
            previous = block;
        }
        return result;

        SourcePosition Origin(int line) => new(run[line].Line.Number, columns[line]);

        // The inherited nodes are read as if they stood where the element does, so their blocks map to its line.
        IEnumerable<XNode> Inherited(XElement element)
        {
            var info = (IXmlLineInfo)element;
            var line = Math.Clamp(info.LineNumber - 1, 0, run.Count - 1);
            // The reader places an element at its name; the key is its '<', and the first line starts after the root's tag.
            var column = columns[line] + info.LinePosition - 2 - (line == 0 ? Root.Length : 0);
            if (inherited is null || !inherited.TryGetValue(new SourcePosition(run[line].Line.Number, column), out var xml)) return [];
            try
            {
                var padded = XElement.Parse(Root + new string('\n', line) + xml + "</doc>", LoadOptions.PreserveWhitespace | LoadOptions.SetLineInfo);
                return [.. padded.Nodes()];
            }
            catch (XmlException)
            {
                return [];
            }
        }
    }
}

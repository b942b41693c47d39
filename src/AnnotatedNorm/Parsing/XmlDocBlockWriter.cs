using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace AnnotatedNorm.Parsing;

/// <summary>A Markdown block made from XML documentation, with the XML line (1-based) where its text starts.</summary>
/// <param name="List">Items of the same list share a name; prose and code have none.</param>
internal sealed record XmlDocBlock(IReadOnlyList<string> Lines, int XmlLine, string? List = null);

/// <summary>Writes the Markdown blocks of one XML documentation comment: prose, list items and fenced code.</summary>
internal sealed class XmlDocBlockWriter
{
    // The tag list uses "-" and <list> uses "*", so that Markdown does not merge a <list> with the tag items after it.
    private const string TagList = "tags";

    private readonly List<XmlDocBlock> blocks = [];
    private readonly StringBuilder prose = new();
    private int proseLine = 1;

    public static List<XmlDocBlock> Write(XElement doc)
    {
        var writer = new XmlDocBlockWriter();
        foreach (var node in doc.Nodes()) writer.WriteTopLevel(node);
        writer.Flush();
        return writer.blocks;
    }

    private void WriteTopLevel(XNode node)
    {
        if (node is not XElement element) { WriteFlow(node); return; }
        switch (element.Name.LocalName)
        {
            case "param": Item($"**Parameter** {XmlDocInlineWriter.Code(Name(element))}: ", element); break;
            case "typeparam": Item($"**Type parameter** {XmlDocInlineWriter.Code(Name(element))}: ", element); break;
            case "returns": Item("**Returns**: ", element); break;
            case "value": Item("**Value**: ", element); break;
            // An exception says which type is thrown even with no text, so it is kept when empty.
            case "exception": Item($"**Exception** {XmlDocInlineWriter.CrefLink(element)}: ", element, keepEmpty: true); break;
            case "seealso": Flush(); blocks.Add(new(["- **See also** " + XmlDocInlineWriter.Link(element)], LineOf(element), TagList)); break;
            case "inheritdoc" or "include": break;
            case "summary" or "remarks" or "example": WriteContainer(element); break;
            // Inline elements (see, c, paramref…) and unknown ones are part of the running text around them, as
            // they are inside <summary>: a block of their own would split one sentence into three paragraphs.
            default: WriteFlow(element); break;
        }
    }

    private void WriteFlow(XNode node)
    {
        switch (node)
        {
            case XText text: AppendProse(XmlDocInlineWriter.AsText(text.Value), LineOf(text)); break;
            case XElement { Name.LocalName: "para" } para: WriteContainer(para); break;
            // An empty <code source="…"/> is filled from another file by other tools; here it has nothing to show.
            case XElement { Name.LocalName: "code" } code when string.IsNullOrWhiteSpace(code.Value): break;
            case XElement { Name.LocalName: "code" } code: Flush(); blocks.Add(CodeBlock(code)); break;
            case XElement { Name.LocalName: "list" } list when (string?)list.Attribute("type") == "table": Flush(); WriteTable(list); break;
            case XElement { Name.LocalName: "list" } list: Flush(); WriteList(list); break;
            case XElement element: AppendProse(XmlDocInlineWriter.Inline(element), LineOf(element)); break;
        }
    }

    private void WriteContainer(XElement element)
    {
        Flush();
        foreach (var child in element.Nodes()) WriteFlow(child);
        Flush();
    }

    private void WriteList(XElement list)
    {
        var bullet = (string?)list.Attribute("type") == "number" ? "1. " : "* ";
        var name = $"list{LineOf(list)}";
        foreach (var item in list.Elements().Where(e => e.Name.LocalName is "item" or "listheader"))
        {
            var term = item.Elements().FirstOrDefault(e => e.Name.LocalName == "term");
            var description = item.Elements().FirstOrDefault(e => e.Name.LocalName == "description");
            var text = term is null
                ? XmlDocInlineWriter.Content(description ?? item)
                : $"**{XmlDocInlineWriter.Content(term).Trim()}**: {XmlDocInlineWriter.Content(description ?? new XElement("none")).Trim()}";
            AddItem(bullet, text, LineOf(item), name);
        }
    }

    /// <summary>A <c>type="table"</c> list as a pipe table: the <c>listheader</c> is the header row, each item a row.</summary>
    private void WriteTable(XElement list)
    {
        var header = list.Elements().FirstOrDefault(e => e.Name.LocalName == "listheader");
        var rows = list.Elements().Where(e => e.Name.LocalName == "item").Select(Cells).ToList();
        var headerCells = header is null ? [] : Cells(header);
        var width = Math.Max(1, rows.Append(headerCells).Max(r => r.Count));
        var lines = new List<string> { Row(headerCells, width), "|" + string.Concat(Enumerable.Repeat(" --- |", width)) };
        lines.AddRange(rows.Select(r => Row(r, width)));
        blocks.Add(new(lines, LineOf(list)));

        static List<string> Cells(XElement item)
        {
            var parts = item.Elements().Where(e => e.Name.LocalName is "term" or "description").ToList();
            return parts.Count > 0 ? [.. parts.Select(Cell)] : [Cell(item)];
        }

        // A cell is one line of Markdown: line breaks become spaces and a bar is escaped, or it would end the cell.
        static string Cell(XElement element) =>
            string.Join(' ', XmlDocInlineWriter.Content(element).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Replace("|", "\\|", StringComparison.Ordinal);

        static string Row(List<string> cells, int width) =>
            "|" + string.Concat(Enumerable.Range(0, width).Select(i => $" {(i < cells.Count ? cells[i] : string.Empty)} |"));
    }

    private void Item(string prefix, XElement element, bool keepEmpty = false)
    {
        Flush();
        // An empty tag (a stub an editor wrote, <returns></returns>) has nothing to say: a label alone is noise.
        var content = XmlDocInlineWriter.Content(element);
        if (!keepEmpty && string.IsNullOrWhiteSpace(content)) return;
        AddItem("- " + prefix, content, LineOf(element), TagList);
    }

    private void AddItem(string prefix, string text, int line, string list)
    {
        var lines = Tidy(text);
        var item = new List<string> { (prefix + (lines.Count > 0 ? lines[0] : string.Empty)).TrimEnd() };
        item.AddRange(lines.Skip(1).Select(l => l.Length == 0 ? l : "  " + l));
        blocks.Add(new(item, line + LinesBeforeText(text), list));
    }

    private void AppendProse(string text, int line)
    {
        if (string.IsNullOrWhiteSpace(prose.ToString()) && !string.IsNullOrWhiteSpace(text))
            proseLine = line + LinesBeforeText(text);
        prose.Append(text);
    }

    private void Flush()
    {
        var lines = Tidy(prose.ToString());
        if (lines.Count > 0) blocks.Add(new(lines, proseLine));
        prose.Clear();
    }

    private static XmlDocBlock CodeBlock(XElement code)
    {
        var lines = code.Value.Split('\n').ToList();
        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[0])) lines.RemoveAt(0);
        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[^1])) lines.RemoveAt(lines.Count - 1);
        var indent = BlockCommentReader.CommonIndentation(lines).Length;
        var fence = code.Value.Contains("```", StringComparison.Ordinal) ? "~~~~" : "```";
        var body = lines.Select(l => string.IsNullOrWhiteSpace(l) ? string.Empty : l[indent..].TrimEnd());
        return new([fence + "csharp", .. body, fence], LineOf(code));
    }

    /// <summary>Splits on "\n", removes the indentation shared by the lines after the first, trims blank edges.</summary>
    private static List<string> Tidy(string text)
    {
        var lines = text.Split('\n').ToList();
        var indent = BlockCommentReader.CommonIndentation(lines.Skip(1)).Length;
        lines = [.. lines.Select((l, i) => string.IsNullOrWhiteSpace(l) ? string.Empty : (i == 0 ? l.TrimStart() : l[indent..]).TrimEnd())];
        while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    private static int LinesBeforeText(string text)
    {
        var firstText = text.Length - text.TrimStart().Length;
        return text.AsSpan(0, firstText).Count('\n');
    }

    private static string Name(XElement element) => (string?)element.Attribute("name") ?? string.Empty;

    private static int LineOf(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 1;
}

// ---
// title: Results on the pages
// summary: How a page of this site shows numbers, tables and figures computed by its own code while the site is built.
// ---
//
// # Results on the pages
//
// The numbers and figures on the pages of this site are not written by hand. A page declares an
// *example*: a static method without parameters, marked `[Example]`, in the section whose code it
// illustrates. When the site is built, the library is compiled, every example runs in a process of its
// own, and what it returns is shown in that section, in every language of the site.
//
// An example returns one result or a sequence of them. A string, or anything it prints, is shown as text;
// the records below are shown as a tensor summary, a table or a figure. Examples seed every random
// generator they use, so two builds show the same results.
using TorchSharp;
using static TorchSharp.torch;

namespace AnnotatedNorm.Examples;

/// <summary>Marks a static method without parameters whose results the site shows in the section that declares it.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ExampleAttribute : Attribute;

// A tensor is summarized rather than printed whole: its shape and element type, its first values, and the
// mean and the standard deviation of all its values.
/// <summary>A compact view of a tensor: shape, element type, the first values, mean and standard deviation.</summary>
public sealed record TensorSummary(string Label, long[] Shape, string DType, double[] First, double Mean, double Std)
{
    /// <summary>Summarizes <paramref name="tensor"/> under <paramref name="label"/>, with its first <paramref name="count"/> values.</summary>
    public static TensorSummary Of(string label, Tensor tensor, int count = 6)
    {
        using var scope = torch.NewDisposeScope();
        var values = tensor.detach().to(float64).flatten();
        var first = values[..(int)Math.Min(count, values.shape[0])].data<double>().ToArray();
        var std = values.shape[0] > 1 ? values.std().item<double>() : 0;
        return new TensorSummary(label, tensor.shape, tensor.dtype.ToString(), first, values.mean().item<double>(), std);
    }
}

// A table is a caption, the headers of its columns and its rows, all text: the example decides how many
// digits a number deserves.
/// <summary>A small table: a caption, column headers, and rows of cells as text.</summary>
public sealed record Table(string Caption, string[] Columns, string[][] Rows);

// A figure is data, not a drawing: the site draws it, so it takes the site's colours in the light and the
// dark theme.
/// <summary>One named series of points of a figure.</summary>
public sealed record Series(string Label, double[] X, double[] Y);

/// <summary>The kinds of figure the site draws.</summary>
public enum FigureKind
{
    /// <summary>Points joined by lines, one line per series.</summary>
    Line,

    /// <summary>Points only.</summary>
    Scatter,

    /// <summary>The <c>Y</c> values of each series counted into bins; <c>X</c> is unused.</summary>
    Histogram,

    /// <summary>One bar per point, <c>X</c> giving its position.</summary>
    Bar,
}

/// <summary>A figure to draw: its kind, title, axis labels and series; <c>LogY</c> puts the vertical axis on a logarithmic scale.</summary>
public sealed record Figure(FigureKind Kind, string Title, string XLabel, string YLabel, Series[] Series, bool LogY = false);

// A named value is not shown where the example is. The commentary quotes it instead: `{{Method.name}}`
// in the text of a page stands for the value named `name` that the page's example `Method` returned,
// so a number in a sentence is the number the code computed. The example formats it, as in a table.
/// <summary>A value the commentary quotes by name (<c>{{Method.name}}</c>), already formatted as text.</summary>
public sealed record NamedValue(string Name, string Text);

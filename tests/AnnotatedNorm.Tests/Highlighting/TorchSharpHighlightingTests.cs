using C = AnnotatedNorm.Highlighting.HighlightClasses;

namespace AnnotatedNorm.Tests.Highlighting;

public class TorchSharpHighlightingTests
{
    private const string LayerNorm = """
        using TorchSharp;
        using static TorchSharp.torch;

        namespace Demo;

        public sealed class Norm : nn.Module<Tensor, Tensor>
        {
            private readonly double eps;

            public Norm(double eps) : base(nameof(Norm))
            {
                this.eps = eps;
                RegisterComponents();
            }

            public override Tensor forward(Tensor input)
            {
                var mean = input.mean([-1L], keepdim: true);
                return (input - mean) / (input.var([-1L], keepdim: true) + eps).sqrt();
            }
        }
        """;

    private static readonly HighlightedPage Page = HighlightedPage.Of(LayerNorm, withTorchSharp: true);

    [Theory]
    [InlineData("TorchSharp", 0, C.Namespace)]
    [InlineData("torch", 0, C.Type)]
    [InlineData("nn", 0, C.Type)]
    [InlineData("Module", 0, C.Type)]
    [InlineData("Tensor", 0, C.Type)]
    [InlineData("Tensor", 1, C.Type)]
    [InlineData("eps", 0, C.Field + " " + C.Declaration)]
    [InlineData("eps", 1, C.Parameter + " " + C.Declaration)]
    [InlineData("eps", 2, C.Field)]
    [InlineData("eps", 3, C.Parameter)]
    [InlineData("eps", 4, C.Field)]
    [InlineData("RegisterComponents", 0, C.Method)]
    [InlineData("forward", 0, C.Method + " " + C.Declaration)]
    [InlineData("input", 0, C.Parameter + " " + C.Declaration)]
    [InlineData("input", 1, C.Parameter)]
    [InlineData("mean", 0, C.Local + " " + C.Declaration)]
    [InlineData("mean", 1, C.Method)]
    [InlineData("mean", 2, C.Local)]
    [InlineData("keepdim", 0, C.Parameter)]
    [InlineData("sqrt", 0, C.Method)]
    [InlineData("var", 0, C.Keyword)]
    [InlineData("var", 1, C.Method)]
    public void Should_Bind_TorchSharp_Names_Through_The_Reference(string text, int occurrence, string expected)
    {
        // Given a module written against TorchSharp, compiled with TorchSharp.dll as a reference
        // When an occurrence of a name is read
        var cssClass = Page.ClassOf(text, occurrence);

        // Then it is classified by what it binds to in TorchSharp or in the source
        Assert.Equal(expected, cssClass);
    }

    [Fact]
    public void Should_Give_TorchSharp_Symbols_An_Id_But_No_Link()
    {
        // Given the module above
        // When the uses of Tensor are read
        var tensors = Page.All("Tensor");

        // Then they share one id, and none of them links anywhere
        Assert.Equal(4, tensors.Count);
        Assert.Single(tensors.Select(t => t.GetAttribute("data-sym")).Distinct());
        Assert.All(tensors, t => Assert.Equal("SPAN", t.TagName));
        Assert.NotNull(tensors[0].GetAttribute("data-sym"));
    }
}

using System.Diagnostics;
using AnnotatedNorm.Normalization;
using TorchSharp;
using static TorchSharp.torch;

// Compares the annotated LayerNorm with TorchSharp's fused kernel on a transformer-sized activation:
// forward alone (inference, no autograd graph) and forward plus backward (training).
const int Warmup = 5;
const int Iterations = 100;
long[] shape = [32, 128, 768];
long[] normalizedShape = [768];

manual_seed(0);
var input = randn(shape);
var upstream = randn(shape);
var ours = new LayerNorm(normalizedShape);
var nativeWeight = ones(normalizedShape).requires_grad_();
var nativeBias = zeros(normalizedShape).requires_grad_();

Tensor Ours(Tensor x) => ours.forward(x);
Tensor Native(Tensor x) => nn.functional.layer_norm(x, normalizedShape, nativeWeight, nativeBias, 1e-5);

var rows = new[]
{
    ("forward", Compare(f => { using var _ = no_grad(); f(input); })),
    ("forward+backward", Compare(Backward)),
};

Console.WriteLine($"LayerNorm on float32 [{string.Join(", ", shape)}], CPU, {get_num_threads()} threads, {Iterations} runs after {Warmup} warm-up runs,");
Console.WriteLine("ours and native alternating within each run; times are medians, the ratio is the median of the per-run ratios");
Console.WriteLine();
Console.WriteLine("| pass             | ours (ms) | native (ms) | ours / native |");
Console.WriteLine("|------------------|----------:|------------:|--------------:|");
foreach (var (pass, (oursMs, nativeMs, ratio)) in rows)
    Console.WriteLine($"| {pass,-16} | {oursMs,9:F2} | {nativeMs,11:F2} | {ratio,13:F2} |");

void Backward(Func<Tensor, Tensor> layer)
{
    var x = input.detach().requires_grad_();
    layer(x).backward([upstream]);
}

// Each run times ours and then native back to back (the order alternates from run to run), so a
// slow moment of a shared machine slows both sides of the same ratio rather than one side of the table.
// Each timed call frees its temporaries and gradients, so memory stays flat and runs are comparable.
(double Ours, double Native, double Ratio) Compare(Action<Func<Tensor, Tensor>> run)
{
    var (oursSamples, nativeSamples, ratios) = (new List<double>(), new List<double>(), new List<double>());
    for (var i = 0; i < Warmup + Iterations; i++)
    {
        var (oursMs, nativeMs) = i % 2 == 0
            ? (Time(run, Ours), Time(run, Native))
            : (Time(run, Native), Time(run, Ours)) switch { var (n, o) => (o, n) };
        if (i < Warmup) continue;
        oursSamples.Add(oursMs);
        nativeSamples.Add(nativeMs);
        ratios.Add(oursMs / nativeMs);
    }
    return (Median(oursSamples), Median(nativeSamples), Median(ratios));
}

double Time(Action<Func<Tensor, Tensor>> run, Func<Tensor, Tensor> layer)
{
    using var scope = NewDisposeScope();
    var watch = Stopwatch.StartNew();
    run(layer);
    watch.Stop();
    foreach (var parameter in new[] { ours.Weight!, ours.Bias!, nativeWeight, nativeBias })
        parameter.grad?.zero_();
    return watch.Elapsed.TotalMilliseconds;
}

static double Median(List<double> samples)
{
    samples.Sort();
    return samples[samples.Count / 2];
}

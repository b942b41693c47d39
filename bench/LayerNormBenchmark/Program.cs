using System.Diagnostics;
using AnnotatedNorm.Normalization;
using TorchSharp;
using static TorchSharp.torch;

// Compares the annotated LayerNorm with TorchSharp's fused kernel on a transformer-sized activation:
// forward alone (inference, no autograd graph) and forward plus backward (training).
const int Warmup = 5;
const int Iterations = 50;
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
    ("forward", Time(f => { using var _ = no_grad(); f(input); }, Ours), Time(f => { using var _ = no_grad(); f(input); }, Native)),
    ("forward+backward", Time(Backward, Ours), Time(Backward, Native)),
};

Console.WriteLine($"LayerNorm on float32 [{string.Join(", ", shape)}], CPU, {get_num_threads()} threads, median of {Iterations} runs after {Warmup} warm-up runs");
Console.WriteLine();
Console.WriteLine("| pass             | ours (ms) | native (ms) | ours / native |");
Console.WriteLine("|------------------|----------:|------------:|--------------:|");
foreach (var (pass, oursMs, nativeMs) in rows)
    Console.WriteLine($"| {pass,-16} | {oursMs,9:F2} | {nativeMs,11:F2} | {oursMs / nativeMs,13:F2} |");

void Backward(Func<Tensor, Tensor> layer)
{
    var x = input.detach().requires_grad_();
    layer(x).backward([upstream]);
}

// Each run frees its temporaries and gradients, so memory stays flat and runs are comparable.
double Time(Action<Func<Tensor, Tensor>> run, Func<Tensor, Tensor> layer)
{
    var samples = new List<double>();
    for (var i = 0; i < Warmup + Iterations; i++)
    {
        using var scope = NewDisposeScope();
        var watch = Stopwatch.StartNew();
        run(layer);
        watch.Stop();
        if (i >= Warmup) samples.Add(watch.Elapsed.TotalMilliseconds);
        foreach (var parameter in new[] { ours.Weight!, ours.Bias!, nativeWeight, nativeBias })
            parameter.grad?.zero_();
    }
    samples.Sort();
    return samples[samples.Count / 2];
}

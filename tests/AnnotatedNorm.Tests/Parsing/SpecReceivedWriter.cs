using System.Runtime.CompilerServices;

namespace AnnotatedNorm.Tests.Parsing;

/// <summary>On a mismatch, writes <c>name.received.md</c> beside the spec source with every example's actual output, to diff or accept.</summary>
public static class SpecReceivedWriter
{
    public static void Write(string specFile, [CallerFilePath] string callerPath = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(callerPath) ?? ".", "Specs");
        var source = Path.Combine(folder, specFile);
        if (!File.Exists(source)) return;
        var actual = SpecExample.Read(source).ToDictionary(e => e.Number, SpecOutputWriter.Write);
        var lines = File.ReadAllLines(source);
        var output = new List<string>();
        var number = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            output.Add(lines[i]);
            if (!lines[i].StartsWith(SpecExample.Fence + " example", StringComparison.Ordinal)) continue;
            number++;
            for (i++; i < lines.Length && lines[i] != "."; i++) output.Add(lines[i]);
            output.Add(".");
            output.AddRange(actual[number]);
            while (i < lines.Length && lines[i] != SpecExample.Fence) i++;
            output.Add(SpecExample.Fence);
        }
        File.WriteAllText(Path.ChangeExtension(source, ".received.md"), string.Join("\n", output) + "\n");
    }
}

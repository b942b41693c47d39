using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

// The protocol: the first argument names the content assembly; then each line of standard input names one example
// (the full name of its type, a '.', its method), and the runner answers with one line of JSON on standard output
// before it reads the next: {"ok":true,"outputs":[…]} or {"ok":false,"error":"…"}. What an example prints is captured
// as a text output, so standard output carries nothing but answers.
var protocol = Console.Out;
var assembly = Assembly.Load(new AssemblyName(args[0]));
var json = new JsonSerializerOptions
{
    NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
};
while (Console.In.ReadLine() is { Length: > 0 } id)
{
    var printed = new StringWriter();
    Console.SetOut(printed);
    JsonObject answer;
    try
    {
        var cut = id.LastIndexOf('.');
        var method = assembly.GetType(id[..cut], throwOnError: true)!
            .GetMethod(id[(cut + 1)..], BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, Type.EmptyTypes)
            ?? throw new MissingMethodException($"no static method {id} without parameters");
        var result = method.Invoke(null, null);
        var outputs = new JsonArray();
        if (printed.ToString() is { Length: > 0 } text) outputs.Add(Output("Text", JsonValue.Create(text)));
        foreach (var item in Items(result))
            outputs.Add(item is string s ? Output("Text", JsonValue.Create(s)) : Output(item.GetType().Name, JsonSerializer.SerializeToNode(item, item.GetType(), json)));
        answer = new JsonObject { ["ok"] = true, ["outputs"] = outputs };
    }
    catch (Exception e)
    {
        var inner = e is TargetInvocationException { InnerException: { } thrown } ? thrown : e;
        answer = new JsonObject { ["ok"] = false, ["error"] = $"{inner.GetType().FullName}: {inner.Message}" };
    }
    protocol.WriteLine(answer.ToJsonString());
    protocol.Flush();
}
return 0;

static IEnumerable<object> Items(object? result) => result switch
{
    null => [],
    string s => [s],
    IEnumerable many => many.Cast<object?>().OfType<object>(),
    _ => [result],
};

static JsonObject Output(string kind, JsonNode? value) => new() { ["kind"] = kind, ["value"] = value };

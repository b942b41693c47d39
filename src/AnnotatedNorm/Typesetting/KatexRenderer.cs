using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;
using AnnotatedNorm.Session;

namespace AnnotatedNorm.Typesetting;

/// <summary>Typesets TeX to HTML plus MathML with KaTeX, running in-process in V8; one instance serves a whole build.</summary>
/// <remarks>
/// Thread-safe. V8 runs one script at a time, so calls into the engine are serialised; each distinct formula is
/// typeset once per instance (errors included), which keeps the lock short in practice. With a formula cache folder,
/// formulas typeset by an earlier build with the same KaTeX, macros and bridge are taken from its store instead, and
/// V8 is not started at all when every formula is found there.
/// </remarks>
public sealed class KatexRenderer : IDisposable
{
    // Fixed script: TeX and display mode arrive as arguments, never as source text, so no formula can run code.
    // It answers with one string, not a JS array: a script object crossing into .NET costs several boundary calls
    // and a finalizer each, which made typesetting ten times slower.
    // The macro table is copied per call because KaTeX writes \gdef results into the object it is given, and a
    // cached formula must not depend on which formula ran before it.
    private const string Bridge = """
        var annotatedNormMacros = {};
        function annotatedNormSetMacros(json) { annotatedNormMacros = JSON.parse(json); }
        function annotatedNormRender(tex, displayMode) {
          try {
            return "1" + katex.renderToString(tex, {
              displayMode: displayMode,
              output: "htmlAndMathml",
              throwOnError: true,
              strict: "ignore",
              trust: false,
              macros: Object.assign({}, annotatedNormMacros)
            });
          } catch (e) {
            var parse = e instanceof katex.ParseError;
            return "0" + (parse && typeof e.position === "number" ? e.position : -1) + "\n" +
                   String(parse && e.rawMessage ? e.rawMessage : (e && e.message) || e);
          }
        }
        """;

    private readonly string katexScriptPath;
    private readonly IReadOnlyDictionary<string, string> macros;
    private readonly Lazy<V8ScriptEngine> engine;
    private readonly FormulaStore? store;
    private readonly Lock engineLock = new();
    private readonly ConcurrentDictionary<Formula, Lazy<FormulaOutcome>> cache = new();
    private byte[]? katexScript;
    private int engineCalls;
    private int savedCount = -1;
    private volatile bool disposed;

    /// <param name="katexScriptPath">Path of <c>katex.min.js</c> (see <see cref="KatexPackage.ScriptPath"/>).</param>
    /// <param name="macros">Site-wide macros, name with its backslash (<c>\R</c>) to expansion (<c>\mathbb{R}</c>).</param>
    /// <param name="formulaCacheFolder">
    /// Folder of the formula store that carries typeset formulas from one build to the next (see <see cref="SaveFormulas"/>);
    /// null keeps them for this instance only.
    /// </param>
    public KatexRenderer(string katexScriptPath, IReadOnlyDictionary<string, string>? macros = null, string? formulaCacheFolder = null)
    {
        this.katexScriptPath = katexScriptPath;
        // A copy, so the table V8 is given later is the one the engine key was computed from.
        this.macros = new Dictionary<string, string>(macros ?? new Dictionary<string, string>());
        // Read now: a missing script still fails here, and the engine key hashes the very bytes V8 will run.
        katexScript = File.ReadAllBytes(katexScriptPath);
        engine = new Lazy<V8ScriptEngine>(StartEngine, LazyThreadSafetyMode.ExecutionAndPublication);
        if (formulaCacheFolder is not null)
            store = FormulaStore.Open(formulaCacheFolder, FormulaStore.EngineKey(katexScript, this.macros, Bridge));
    }

    /// <summary>
    /// Loads V8 into the process and starts its platform, most of the cost of a first engine (about 50 ms against 3 ms
    /// for the engine itself); meant to run beside other work when a build will surely typeset. Failures are left to
    /// the engine that a build then starts, which reports them.
    /// </summary>
    public static void PrepareV8()
    {
        try
        {
            using var engine = new V8ScriptEngine(V8ScriptEngineFlags.None);
        }
        catch (Exception)
        {
            // The same error comes back from the build's own engine, where it is reported.
        }
    }

    /// <summary>How many times a formula reached the engine (misses of both the run's cache and the store); for tests.</summary>
    internal int EngineCalls => Volatile.Read(ref engineCalls);

    /// <summary>Whether V8 was started: it is only when a formula is neither cached nor stored.</summary>
    internal bool EngineStarted => engine.IsValueCreated;

    /// <summary>Whether nothing is typeset yet, in this instance or in its store: only then does typesetting ahead pay.</summary>
    public bool IsCold => cache.IsEmpty && (store is null || store.Count == 0);

    /// <summary>
    /// Typesets <paramref name="tex"/> into this instance's cache without asking for the result, so a later
    /// <see cref="Render"/> of it waits for nothing; a TeX error is kept for that call to throw. Does nothing once disposed.
    /// </summary>
    public void TypesetAhead(string tex, bool displayMode)
    {
        if (disposed) return;
        try
        {
            Render(tex, displayMode);
        }
        catch (TexException)
        {
            // Reported by the page that renders the formula, at its place in the source.
        }
    }

    /// <summary>Typesets <paramref name="tex"/>; display mode centres it on its own line at a larger size.</summary>
    /// <exception cref="TexException">The TeX does not parse, or uses a command KaTeX does not know.</exception>
    /// <exception cref="InvalidOperationException">The KaTeX script does not run (thrown on each call once it failed).</exception>
    public string Render(string tex, bool displayMode)
    {
        var outcome = cache.GetOrAdd(new Formula(tex, displayMode), key => new Lazy<FormulaOutcome>(() => Lookup(key.Tex, key.Display))).Value;
        // A fresh exception per call: one shared instance would have its stack trace rewritten by every thread.
        return outcome.Html ?? throw new TexException(outcome.Error!, outcome.Position);
    }

    /// <summary>
    /// Writes to the formula store every formula this instance was asked for, and only those, so formulas that no
    /// page uses any more leave the store. Call it once the build succeeded and no <see cref="Render"/> is running.
    /// </summary>
    /// <returns>Whether the file was written: false without a cache folder, or when it already held exactly these formulas.</returns>
    /// <exception cref="IOException">The cache folder or its file cannot be written.</exception>
    public bool SaveFormulas()
    {
        if (store is null) return false;
        var used = cache.Where(f => f.Value.IsValueCreated).Select(f => KeyValuePair.Create(f.Key, f.Value.Value)).ToList();
        // Lookups only add to the cache, so an equal count means an equal set: before any save, every formula came
        // from the stored file; after one, every formula that save wrote is still among them.
        var unchanged = savedCount < 0 ? EngineCalls == 0 && used.Count == store.Count : used.Count == savedCount;
        if (unchanged) return false;
        store.Save(used);
        savedCount = used.Count;
        return true;
    }

    private FormulaOutcome Lookup(string tex, bool displayMode) =>
        store is not null && store.TryGet(tex, displayMode, out var stored) ? stored : Typeset(tex, displayMode);

    private FormulaOutcome Typeset(string tex, bool displayMode)
    {
        lock (engineLock)
        {
            var v8 = engine.Value;
            Interlocked.Increment(ref engineCalls);
            // One string crosses the boundary: "1" + HTML, or "0" + position + "\n" + message.
            var result = (string)v8.Invoke("annotatedNormRender", tex, displayMode);
            if (result[0] == '1') return new FormulaOutcome(result[1..], null, null);
            var newline = result.IndexOf('\n');
            var position = int.Parse(result.AsSpan(1, newline - 1), System.Globalization.CultureInfo.InvariantCulture);
            return new FormulaOutcome(null, result[(newline + 1)..], position >= 0 ? position : null);
        }
    }

    // Starting V8 and loading KaTeX is most of the cost of a build whose formulas are all stored, so it waits for
    // the first formula that needs it. Lazy keeps a failure and throws it again to every later caller.
    private V8ScriptEngine StartEngine()
    {
        var v8 = new V8ScriptEngine(V8ScriptEngineFlags.None);
        try
        {
            using (var reader = new StreamReader(new MemoryStream(katexScript!), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
                v8.Execute(new DocumentInfo(Path.GetFileName(katexScriptPath)), reader.ReadToEnd());
            v8.Execute(new DocumentInfo("annotatednorm-bridge.js"), Bridge);
            v8.Invoke("annotatedNormSetMacros", JsonSerializer.Serialize(macros, Session.SiteJson.Default.IReadOnlyDictionaryStringString));
        }
        catch (Exception e)
        {
            v8.Dispose();
            throw new InvalidOperationException($"KaTeX could not be loaded from {katexScriptPath}: {e.Message}", e);
        }
        katexScript = null;
        return v8;
    }

    public void Dispose()
    {
        disposed = true;
        lock (engineLock)
        {
            if (engine.IsValueCreated) engine.Value.Dispose();
        }
    }
}

namespace AnnotatedNorm.Serving;

/// <summary>
/// The script <c>serve</c> puts into every page: it listens for rebuilds on a server-sent event stream, reloads the
/// page when its own file or a shared asset changed, and shows a failed build's diagnostics over the last good page.
/// </summary>
public static class LiveReloadScript
{
    /// <summary>The server-sent event stream; each message is a <see cref="SiteUpdate"/> as JSON (version, changed, errors).</summary>
    public const string EventsPath = "/__annotatednorm/events";

    // Kept free of "</" so it can sit inside a <script> element as is; text goes in with textContent, never as HTML.
    public const string Text = """
        (function () {
          var page = decodeURIComponent(location.pathname.replace(/^\/+/, ""));
          if (page === "" || page.charAt(page.length - 1) === "/") page += "index.html";
          var events = new EventSource("/__annotatednorm/events");
          events.onmessage = function (message) {
            var update = JSON.parse(message.data);
            var shown = document.querySelector(".build-errors");
            if (update.errors.length > 0) {
              if (!shown) {
                shown = document.createElement("div");
                shown.className = "build-errors";
                shown.setAttribute("role", "alert");
                shown.appendChild(document.createElement("strong"));
                shown.appendChild(document.createElement("pre"));
                document.body.insertBefore(shown, document.body.firstChild);
              }
              shown.firstChild.textContent = "The last edit does not build; this is the last good page.";
              shown.lastChild.textContent = update.errors.join("\n");
              return;
            }
            if (shown) shown.remove();
            var affected = update.changed.some(function (path) {
              return path === page || !/\.(html|xml)$/.test(path);
            });
            if (affected) location.reload();
          };
        })();
        """;
}

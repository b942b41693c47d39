using AnnotatedNorm.Diagnostics;

namespace AnnotatedNorm.Examples;

/// <summary>An example method found in a page: what the runner calls it by, and where the page declares it.</summary>
/// <param name="Id">The full name of its type (nested types joined by '+'), a '.', and the method's name.</param>
/// <param name="Page">The page's path relative to the content folder.</param>
/// <param name="DisplayPath">The page's path as diagnostics name it.</param>
/// <param name="Section">The index of the section whose code declares the method, where its results are shown.</param>
public sealed record ExampleDeclaration(string Id, string Page, string DisplayPath, int Line, int Column, int Section)
{
    public Diagnostic Error(string code, string message) => Diagnostic.Error(DisplayPath, Line, Column, code, message);
}

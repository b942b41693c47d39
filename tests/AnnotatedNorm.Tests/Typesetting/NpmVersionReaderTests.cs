using AnnotatedNorm.Typesetting;

namespace AnnotatedNorm.Tests.Typesetting;

public sealed class NpmVersionReaderTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("an-npm-versions-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void Should_Read_The_Version_The_Lock_File_Pins_For_The_Named_Package_Only()
    {
        // Given a lock file that pins two packages, one of them also as a nested dependency of the other
        var lockFile = Path.Combine(folder.FullName, "package-lock.json");
        File.WriteAllText(lockFile, """
            {
              "lockfileVersion": 3,
              "packages": {
                "": { "dependencies": { "katex": "0.19.1", "pagefind": "1.6.0" } },
                "node_modules/katex": { "version": "0.19.1" },
                "node_modules/pagefind": { "version": "1.6.0" },
                "node_modules/pagefind/node_modules/katex": { "version": "0.1.0" }
              }
            }
            """);

        // When each package's version is read, and one the file does not pin
        var katex = NpmVersionReader.Locked(lockFile, "katex");
        var pagefind = NpmVersionReader.Locked(lockFile, "pagefind");
        var missing = NpmVersionReader.Locked(lockFile, "docco");

        // Then each is its own top-level entry's, and the missing one is none
        Assert.Equal("0.19.1", katex);
        Assert.Equal("1.6.0", pagefind);
        Assert.Null(missing);
    }

    [Fact]
    public void Should_Read_The_Installed_Version_From_The_Package_Manifest_Where_Npm_Puts_It()
    {
        // Given a templates folder where npm installed a scoped package, and nothing else
        var installed = NpmVersionReader.InstalledFolder(folder.FullName, "@pagefind/linux-x64");
        Directory.CreateDirectory(installed);
        File.WriteAllText(Path.Combine(installed, "package.json"), """{ "name": "@pagefind/linux-x64", "version": "1.6.0" }""");

        // When the versions of it and of a package that is not there are read
        var found = NpmVersionReader.Installed(installed);
        var absent = NpmVersionReader.Installed(NpmVersionReader.InstalledFolder(folder.FullName, "katex"));

        // Then the manifest's version is found under node_modules, and a missing package has none
        Assert.Equal(Path.Combine(folder.FullName, "node_modules", "@pagefind", "linux-x64"), Path.GetFullPath(installed));
        Assert.Equal("1.6.0", found);
        Assert.Null(absent);
    }
}

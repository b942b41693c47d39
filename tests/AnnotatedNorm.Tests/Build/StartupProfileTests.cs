using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using StartupProfile;

namespace AnnotatedNorm.Tests.Build;

public sealed class StartupProfileTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"annotatednorm-profile-{Guid.NewGuid():N}.mibc");

    public void Dispose() => File.Delete(file);

    [Fact]
    public void Should_Read_A_Nested_Generic_Method_Name_As_The_JIT_Prints_It()
    {
        // When
        var method = JitName.ParseMethod("System.Linq.Enumerable:ToArray[System.ValueTuple`3[System.__Canon,int,bool]](System.Collections.Generic.IEnumerable`1[System.ValueTuple`3[System.__Canon,int,bool]])");

        // Then
        Assert.Equal("System.Linq.Enumerable", method.Type.FullName);
        Assert.Equal("ToArray", method.Name);
        var argument = Assert.Single(method.MethodArgs);
        Assert.Equal("System.ValueTuple`3", argument.FullName);
        Assert.Equal(["System.__Canon", "int", "bool"], argument.Args.Select(a => a.FullName));
        Assert.True(argument.Args[1].IsPrimitive);
        Assert.Equal("System.Collections.Generic.IEnumerable`1[System.ValueTuple`3[System.__Canon,int,bool]]", Assert.Single(method.Parameters));
    }

    [Fact]
    public void Should_Read_An_Explicit_Interface_Method_Of_A_Nested_Type()
    {
        // When
        var method = JitName.ParseMethod("System.Collections.Immutable.ImmutableArray`1+Builder[AnnotatedNorm.Highlighting.CodeSpan]:System.Collections.Generic.IEnumerable<T>.GetEnumerator()");

        // Then
        Assert.Equal("System.Collections.Immutable.ImmutableArray`1+Builder", method.Type.FullName);
        Assert.Equal("AnnotatedNorm.Highlighting.CodeSpan", Assert.Single(method.Type.Args).FullName);
        Assert.Equal("System.Collections.Generic.IEnumerable<T>.GetEnumerator", method.Name);
        Assert.Empty(method.Parameters);
    }

    [Fact]
    public void Should_Write_A_Profile_Whose_Method_Is_The_Instantiation_Named()
    {
        // Given the framework's assemblies, and the method List<long>.Grow(int) as the JIT names it
        using var index = new AssemblyIndex([RuntimeEnvironment.GetRuntimeDirectory()]);
        var writer = new MibcWriter(index);

        // When
        var matched = writer.Add(JitName.ParseMethod("System.Collections.Generic.List`1[long]:Grow(int)"));
        writer.Save(file);

        // Then: AssemblyDictionary loads one group, whose body loads a reference to Grow on List<long>
        Assert.Equal(1, matched);
        using var pe = new PEReader(File.OpenRead(file));
        var reader = pe.GetMetadataReader();
        var methods = reader.MethodDefinitions.Select(reader.GetMethodDefinition).ToList();
        Assert.Equal(["AssemblyDictionary", "Group0"], methods.Select(m => reader.GetString(m.Name)));
        var group = pe.GetMethodBody(methods[1].RelativeVirtualAddress).GetILBytes()!;
        Assert.Equal((byte)ILOpCode.Ldtoken, group[0]);
        var token = MetadataTokens.EntityHandle(BitConverter.ToInt32(group, 1));
        var grow = reader.GetMemberReference((MemberReferenceHandle)token);
        Assert.Equal("Grow", reader.GetString(grow.Name));
        var owner = reader.GetTypeSpecification((TypeSpecificationHandle)grow.Parent).DecodeSignature(new SigProvider(index), null);
        var list = Assert.IsType<Sig.Generic>(owner);
        Assert.Equal(new Sig.Named("System.Private.CoreLib", "System.Collections.Generic.List`1", IsValueType: false), list.Definition);
        Assert.Equal(new Sig.Primitive(PrimitiveTypeCode.Int64), Assert.Single(list.Args));
        var signature = grow.DecodeMethodSignature(new SigProvider(index), null);
        Assert.True(signature.Header.IsInstance);
        Assert.Equal(new Sig.Primitive(PrimitiveTypeCode.Int32), Assert.Single(signature.ParameterTypes));
    }

    [Fact]
    public void Should_Refuse_A_Type_No_Assembly_Defines()
    {
        using var index = new AssemblyIndex([RuntimeEnvironment.GetRuntimeDirectory()]);

        Assert.Throws<KeyNotFoundException>(() => new MibcWriter(index).Add(JitName.ParseMethod("RazorLight.CompiledTemplates.GeneratedTemplate:.ctor()")));
    }
}

namespace AnnotatedNorm.Localization;

/// <summary>Diagnostic codes of the Localize stage.</summary>
public static class LocalizationCodes
{
    public const string MalformedCatalog = "AN0401";
    public const string MathChanged = "AN0402";
    public const string CodeChanged = "AN0403";
    public const string LinksChanged = "AN0404";
    public const string ImagesChanged = "AN0405";
    public const string StructureChanged = "AN0406";
    public const string RawHtml = "AN0407";
    public const string StaleTranslation = "AN0408";
    public const string MissingTranslation = "AN0409";
    public const string OutgrownTranslation = "AN0410";
    public const string WrongLanguage = "AN0411";
    public const string OrphanCatalog = "AN0412";
    public const string CatalogTooLarge = "AN0413";
}

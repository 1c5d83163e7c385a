import Foundation

/// One listing of the simulated brand (a marketplace "item" or product), with one or more sellable models.
public struct SandboxProduct: Sendable, Equatable {
    /// The listing id on the reference marketplace; other shops number listings their own way.
    public let itemID: Int64
    /// The listing's name: the brand, the English name and the Thai name, as Thai sellers list them.
    public let name: String
    public let englishName: String
    public let category: String
    /// The category id (invented, stable).
    public let categoryID: Int64
    public let brand: String
    /// The listing's SKU: the parent SKU for listings with variants, the only SKU otherwise.
    public let itemSKU: String
    /// The listing's status: `NORMAL` or `UNLIST` (unlisted products are never ordered).
    public let status: String
    public let weightGrams: Int
    public let models: [SandboxProductModel]

    /// Whether the listing has variants (`has_model`); a listing without variants has one model with id 0.
    public var hasVariants: Bool { models.count > 1 || models[0].modelID != 0 }
}

/// One sellable unit: a variant of a listing (or the listing itself when it has no variants).
public struct SandboxProductModel: Sendable, Equatable {
    /// The variant id; 0 for a listing without variants.
    public let modelID: Int64
    /// The variant's name, e.g. `"50ml"`; empty for a listing without variants.
    public let name: String
    /// The brand's own SKU (`OMN-SER-001`), the same on every marketplace.
    public let skuMaster: String
    /// The SKU written on the reference marketplace (`SP-VITC30-A`): `model_sku` for variants, `item_sku` otherwise.
    /// Other shops write their own codes (`SandboxCatalog.sku(_:on:)`).
    public let marketplaceSKU: String
    /// List price in satang (`model_original_price`).
    public let listPriceMinor: Int64
    /// Unit cost in THB.
    public let cost: Decimal
    /// Relative share of order lines; 0 for unlisted products.
    let popularity: Double
}

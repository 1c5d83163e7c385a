/// The SKU codes as Shopee writes them for one of the brand's Shopee shops.
extension SandboxCatalog {
    /// `item_sku`: the listing's only SKU when it has no variants; for a listing with variants the reference shop
    /// writes the catalogue's parent SKU, while a shop with codes of its own leaves the (optional) parent SKU empty and
    /// writes its codes on the models.
    func shopeeItemSKU(_ productIndex: Int, on shop: SandboxShop) -> String {
        let product = products[productIndex]
        guard shop.skuPrefix != nil else { return product.itemSKU }
        return product.hasVariants ? "" : sku(product.models[0], on: shop)
    }

    /// `model_sku`: the variant's code; empty for a listing without variants, whose code is its `item_sku`.
    func shopeeModelSKU(_ productIndex: Int, model modelIndex: Int, on shop: SandboxShop) -> String {
        let product = products[productIndex]
        return product.hasVariants ? sku(product.models[modelIndex], on: shop) : ""
    }
}

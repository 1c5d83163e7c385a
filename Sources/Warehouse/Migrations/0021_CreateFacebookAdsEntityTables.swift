/// Meta's entity and demographic raw tables from their contracts.
enum CreateFacebookAdsEntityTables {
    static let migration = Migration(id: 21, name: "create_facebook_ads_entity_tables",
                                     tables: [FacebookAdsRawTables.demographics.schema, FacebookAdsRawTables.entitiesAsCreated.schema])
}

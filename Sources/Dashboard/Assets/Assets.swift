/// The stylesheet and script the pages link to, compiled into the binary so it serves them offline, with no
/// build step and no CDN. Served by `AssetResponse` at `SiteRoute.stylesheet` and `SiteRoute.script`.
public enum Assets {}

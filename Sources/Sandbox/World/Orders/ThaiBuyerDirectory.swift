/// The shop's buyers: realistic but invented Thai names, phone numbers and addresses.
///
/// This is the personal data the warehouse must never store in clear (DESIGN §9), so it is deliberately present
/// and varied. Buyer `i` is always the same person for a seed, so repeat customers exist.
struct ThaiBuyerDirectory: Sendable {
    let seed: UInt64

    /// Size of the customer base; low indices are drawn more often (loyal customers).
    static let population = 80_000

    struct Buyer: Sendable {
        let userID: Int64
        let username: String
        let name: String
        let phone: String
        let address: Address
    }

    struct Address: Sendable {
        let fullAddress: String
        /// Tambon / khwaeng (a `district` field).
        let subdistrict: String
        /// Amphoe / khet (a `city` field).
        let district: String
        /// Province (a `state` field).
        let province: String
        let zipcode: String
    }

    func buyer(_ index: Int) -> Buyer {
        var generator = SeededGenerator(seed: seed, stream: .buyer, Int64(index))
        let female = generator.chance(0.78)
        let firstName = generator.pick(female ? ThaiBuyerDirectory.femaleNames : ThaiBuyerDirectory.maleNames)
        let lastName = generator.pick(ThaiBuyerDirectory.lastNames)
        let nickname = generator.pick(female ? ThaiBuyerDirectory.femaleNicknames : ThaiBuyerDirectory.maleNicknames)
        let username: String
        switch generator.below(4) {
        case 0: username = "\(nickname)\(generator.int(in: 1975...2006))"
        case 1: username = "\(nickname).\(generator.pick(ThaiBuyerDirectory.suffixes))"
        case 2: username = "\(nickname)_\(generator.int(in: 10...999))"
        default: username = "\(nickname)\(generator.pick(ThaiBuyerDirectory.suffixes))\(generator.int(in: 1...99))"
        }
        let phone = "66" + generator.pick(["6", "8", "9"]) + String(generator.int(in: 10_000_000...99_999_999))
        let place = generator.pick(ThaiBuyerDirectory.places)
        let house = generator.chance(0.6)
            ? "\(generator.int(in: 1...299))/\(generator.int(in: 1...120))" : "\(generator.int(in: 1...999))"
        let street = generator.pick(place.streets)
        let unit = generator.chance(0.3) ? "คอนโด \(generator.pick(ThaiBuyerDirectory.condos)) ห้อง \(generator.int(in: 101...2899)) " : ""
        let full = "\(unit)\(house) \(street) \(place.subdistrictPrefix)\(place.subdistrict) "
            + "\(place.districtPrefix)\(place.district) \(place.province) \(place.zipcode)"
        return Buyer(
            userID: 300_000_000 + Int64(index) * 7_919 + Int64(seed % 7_000),
            username: username,
            name: "\(firstName) \(lastName)",
            phone: phone,
            address: Address(fullAddress: full, subdistrict: place.subdistrict, district: place.district,
                             province: place.province, zipcode: place.zipcode)
        )
    }

    /// Draws a buyer, favouring the loyal low indices.
    func drawBuyer(using generator: inout SeededGenerator) -> Int {
        let u = generator.unit()
        return min(ThaiBuyerDirectory.population - 1, Int(u * u * Double(ThaiBuyerDirectory.population)))
    }

    // MARK: - Name and place lists

    private static let femaleNames = [
        "สุดารัตน์", "พิมพ์ชนก", "ณัฐธิดา", "กมลชนก", "ปิยะนุช", "วราภรณ์", "ศิริพร", "อรอุมา", "จิราพร", "ธนพร",
        "รัตนา", "นภัสสร", "ชนิดา", "ปวีณา", "สุภาวดี", "อัญชลี", "มณีรัตน์", "ภัทรา", "กัญญา", "สมใจ",
        "เบญจมาศ", "ทิพวรรณ", "ณัฐกานต์", "พัชราภรณ์", "ธิดารัตน์", "อารีรัตน์", "กาญจนา", "ลลิตา",
    ]
    private static let maleNames = [
        "สมชาย", "ธนากร", "ณัฐพล", "วีระพงษ์", "กิตติพงษ์", "อนุชา", "ปกรณ์", "ชัยวัฒน์", "ธีรวัฒน์", "ศุภชัย",
    ]
    private static let lastNames = [
        "ศรีสุข", "วงศ์ใหญ่", "แสงทอง", "บุญมา", "จันทร์เพ็ญ", "ทองดี", "สุขสวัสดิ์", "พงษ์ไพบูลย์", "ศักดิ์สิทธิ์",
        "รุ่งเรือง", "มีสุข", "ใจดี", "เพชรรัตน์", "อินทร์แก้ว", "ชัยมงคล", "สายสุวรรณ", "ประเสริฐวงศ์", "แก้วมณี",
        "เจริญผล", "ทรัพย์สมบูรณ์", "นาคประเสริฐ", "วัฒนกุล", "ศรีวงศ์", "บุญเรือง",
    ]
    private static let femaleNicknames = [
        "ploy", "fern", "mint", "nam", "bee", "june", "praew", "gift", "mook", "aom", "fah", "nok", "pim", "toey",
        "kwan", "ning", "noey", "pang", "jaja", "ice", "eve", "bow", "cream", "pookie",
    ]
    private static let maleNicknames = ["beam", "golf", "bank", "ton", "boss", "bas", "tae", "arm", "pete", "nut"]
    private static let suffixes = ["s", "ch", "ww", "th", "k", "p", "jj", "bkk", "cute", "shop"]
    private static let condos = ["ลุมพินี วิลล์", "ไอดีโอ", "เดอะ ทรี", "ศุภาลัย ปาร์ค", "แอสปาย", "เคนซิงตัน"]

    private struct Place {
        let province: String
        let district: String
        let subdistrict: String
        let zipcode: String
        let streets: [String]
        var districtPrefix: String { province == "กรุงเทพมหานคร" ? "เขต" : "อำเภอ" }
        var subdistrictPrefix: String { province == "กรุงเทพมหานคร" ? "แขวง" : "ตำบล" }
    }

    // Bangkok and its suburbs appear several times so that they dominate, as they do in Thai e-commerce.
    private static let places: [Place] = [
        Place(province: "กรุงเทพมหานคร", district: "บางนา", subdistrict: "บางนาเหนือ", zipcode: "10260",
              streets: ["ซอยสุขุมวิท 101/1 ถนนสุขุมวิท", "ซอยบางนา-ตราด 25 ถนนบางนา-ตราด"]),
        Place(province: "กรุงเทพมหานคร", district: "จตุจักร", subdistrict: "ลาดยาว", zipcode: "10900",
              streets: ["ซอยพหลโยธิน 48 ถนนพหลโยธิน", "ซอยงามวงศ์วาน 2 ถนนงามวงศ์วาน"]),
        Place(province: "กรุงเทพมหานคร", district: "ห้วยขวาง", subdistrict: "ห้วยขวาง", zipcode: "10310",
              streets: ["ซอยประชาราษฎร์บำเพ็ญ 20 ถนนประชาราษฎร์บำเพ็ญ", "ถนนรัชดาภิเษก"]),
        Place(province: "กรุงเทพมหานคร", district: "บางกะปิ", subdistrict: "คลองจั่น", zipcode: "10240",
              streets: ["ซอยนวมินทร์ 42 ถนนนวมินทร์", "ซอยลาดพร้าว 101 ถนนลาดพร้าว"]),
        Place(province: "กรุงเทพมหานคร", district: "วัฒนา", subdistrict: "คลองตันเหนือ", zipcode: "10110",
              streets: ["ซอยสุขุมวิท 63 ถนนสุขุมวิท", "ซอยทองหล่อ 10"]),
        Place(province: "กรุงเทพมหานคร", district: "บางแค", subdistrict: "บางแค", zipcode: "10160",
              streets: ["ซอยเพชรเกษม 69 ถนนเพชรเกษม", "ถนนกาญจนาภิเษก"]),
        Place(province: "กรุงเทพมหานคร", district: "ดินแดง", subdistrict: "ดินแดง", zipcode: "10400",
              streets: ["ถนนวิภาวดีรังสิต", "ซอยประชาสงเคราะห์ 12 ถนนประชาสงเคราะห์"]),
        Place(province: "นนทบุรี", district: "เมืองนนทบุรี", subdistrict: "บางกระสอ", zipcode: "11000",
              streets: ["ซอยงามวงศ์วาน 23 ถนนงามวงศ์วาน", "ถนนรัตนาธิเบศร์"]),
        Place(province: "นนทบุรี", district: "ปากเกร็ด", subdistrict: "ปากเกร็ด", zipcode: "11120",
              streets: ["ถนนแจ้งวัฒนะ", "ซอยติวานนท์ 40 ถนนติวานนท์"]),
        Place(province: "ปทุมธานี", district: "คลองหลวง", subdistrict: "คลองหนึ่ง", zipcode: "12120",
              streets: ["ถนนพหลโยธิน", "หมู่ 7 ถนนคลองหลวง"]),
        Place(province: "สมุทรปราการ", district: "เมืองสมุทรปราการ", subdistrict: "ปากน้ำ", zipcode: "10270",
              streets: ["ถนนสุขุมวิท", "ซอยแพรกษา 8 ถนนแพรกษา"]),
        Place(province: "เชียงใหม่", district: "เมืองเชียงใหม่", subdistrict: "สุเทพ", zipcode: "50200",
              streets: ["ถนนห้วยแก้ว", "ซอยนิมมานเหมินท์ 13 ถนนนิมมานเหมินท์"]),
        Place(province: "ขอนแก่น", district: "เมืองขอนแก่น", subdistrict: "ในเมือง", zipcode: "40000",
              streets: ["ถนนมิตรภาพ", "ถนนศรีจันทร์"]),
        Place(province: "ชลบุรี", district: "บางละมุง", subdistrict: "หนองปรือ", zipcode: "20150",
              streets: ["ถนนเทพประสิทธิ์", "ซอยพัทยาใต้ 3"]),
        Place(province: "ชลบุรี", district: "เมืองชลบุรี", subdistrict: "บ้านสวน", zipcode: "20000",
              streets: ["ถนนสุขุมวิท", "ถนนพระยาสัจจา"]),
        Place(province: "นครราชสีมา", district: "เมืองนครราชสีมา", subdistrict: "ในเมือง", zipcode: "30000",
              streets: ["ถนนมิตรภาพ", "ถนนจอมพล"]),
        Place(province: "ภูเก็ต", district: "เมืองภูเก็ต", subdistrict: "ตลาดใหญ่", zipcode: "83000",
              streets: ["ถนนภูเก็ต", "ถนนเยาวราช"]),
        Place(province: "สงขลา", district: "หาดใหญ่", subdistrict: "หาดใหญ่", zipcode: "90110",
              streets: ["ถนนนิพัทธ์อุทิศ 3", "ถนนเพชรเกษม"]),
        Place(province: "อุดรธานี", district: "เมืองอุดรธานี", subdistrict: "หมากแข้ง", zipcode: "41000",
              streets: ["ถนนประจักษ์ศิลปาคม", "ถนนโพศรี"]),
        Place(province: "นครปฐม", district: "เมืองนครปฐม", subdistrict: "พระปฐมเจดีย์", zipcode: "73000",
              streets: ["ถนนราชดำเนิน", "ถนนเพชรเกษม"]),
    ]
}

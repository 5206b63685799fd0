package io.techbridge.commons.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The technical-field taxonomy (技术领域): the eight state-supported high-tech fields, modern
 * agriculture (which most municipal achievement databases add), and their sub-fields. A code is either a field ({@code 04}) or a sub-field ({@code 04.03}).
 */
public record TechnicalField(String code, String nameZh, String nameEn) {

    private static final Map<String, TechnicalField> ALL = new LinkedHashMap<>();

    static {
        field("01", "电子信息", "Electronic information",
                "软件", "Software", "微电子技术", "Microelectronics", "计算机网络", "Computer networks",
                "通信技术", "Communications", "广播影视", "Broadcasting and film", "新型电子元器件", "Electronic components",
                "信息安全", "Information security", "智能交通", "Intelligent transport", "人工智能", "Artificial intelligence");
        field("02", "生物与新医药", "Biotechnology and medicine",
                "医药生物技术", "Medical biotechnology", "中药天然药物", "Traditional Chinese and natural medicine",
                "化学药研发", "Chemical drugs", "药物新剂型", "Drug delivery and formulation",
                "医疗仪器设备", "Medical devices", "轻工和化工生物技术", "Industrial biotechnology",
                "农业生物技术", "Agricultural biotechnology");
        field("03", "航空航天", "Aerospace", "航空技术", "Aviation", "航天技术", "Space technology");
        field("04", "新材料", "New materials",
                "金属材料", "Metallic materials", "无机非金属材料", "Inorganic non-metallic materials",
                "高分子材料", "Polymer materials", "生物医用材料", "Biomedical materials",
                "精细和专用化学品", "Fine and specialty chemicals");
        field("05", "高技术服务", "High-tech services",
                "研发与设计服务", "R&D and design services", "检验检测认证", "Testing and certification",
                "信息技术服务", "IT services", "知识产权与成果转化服务", "IP and technology-transfer services");
        field("06", "新能源与节能", "New energy and energy saving",
                "可再生清洁能源", "Renewable energy", "核能", "Nuclear energy",
                "新型高效能量转换与储存", "Energy conversion and storage", "高效节能技术", "Energy efficiency");
        field("07", "资源与环境", "Resources and environment",
                "水污染控制", "Water pollution control", "大气污染控制", "Air pollution control",
                "固体废弃物处置", "Solid waste treatment", "环境监测", "Environmental monitoring",
                "生态环境建设", "Ecological restoration", "资源勘查开发", "Resource exploration");
        field("08", "先进制造与自动化", "Advanced manufacturing and automation",
                "工业生产过程控制", "Industrial process control", "安全生产", "Industrial safety",
                "高性能智能化仪器仪表", "Intelligent instruments", "先进制造工艺与装备", "Advanced manufacturing equipment",
                "新型机械", "New machinery", "电力系统与设备", "Power systems and equipment",
                "汽车及轨道车辆", "Automotive and rail vehicles");
        field("09", "现代农业", "Modern agriculture",
                "种植与育种", "Crops and breeding", "畜牧与水产", "Livestock and aquaculture",
                "农产品加工与保鲜", "Food processing and preservation", "智慧农业与农机", "Smart farming and machinery");
    }

    private static void field(String code, String zh, String en, String... subFields) {
        ALL.put(code, new TechnicalField(code, zh, en));
        for (int i = 0; i < subFields.length; i += 2) {
            String subCode = code + "." + String.format("%02d", i / 2 + 1);
            ALL.put(subCode, new TechnicalField(subCode, subFields[i], subFields[i + 1]));
        }
    }

    public static Optional<TechnicalField> byCode(String code) {
        return Optional.ofNullable(code).map(ALL::get);
    }

    public static boolean exists(String code) {
        return code != null && ALL.containsKey(code);
    }

    public static List<TechnicalField> all() {
        return List.copyOf(ALL.values());
    }

    /** The top-level field a code belongs to ({@code 04.03} → {@code 04}). */
    public static String topLevel(String code) {
        return code == null ? null : code.length() > 2 ? code.substring(0, 2) : code;
    }
}

package io.techbridge.commons.domain;

/** How an achievement can change hands (转化方式); demands name the modes they accept. */
public enum TransferMode {
    /** 转让 */
    ASSIGNMENT,
    /** 许可 */
    LICENSE,
    /** 作价入股 */
    EQUITY,
    /** 合作开发 */
    JOINT_DEVELOPMENT,
    /** 技术服务 */
    TECHNICAL_SERVICE
}

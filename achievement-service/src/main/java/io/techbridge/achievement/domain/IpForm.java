package io.techbridge.achievement.domain;

/** 知识产权形式: the forms of intellectual property an achievement is protected by. */
public enum IpForm {
    INVENTION_PATENT, UTILITY_MODEL, DESIGN, SOFTWARE_COPYRIGHT, PLANT_VARIETY, KNOW_HOW, OTHER
}

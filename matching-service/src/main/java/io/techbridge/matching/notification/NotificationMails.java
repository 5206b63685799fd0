package io.techbridge.matching.notification;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The e-mail of a notification, in Chinese (the console is Chinese first): a subject that says what
 * happened, a body naming the records as the organisation may read them, and a link to the console page.
 */
final class NotificationMails {

    static final String SITE = "科技成果转化供需对接平台";

    record Mail(String subject, String body) {
    }

    private NotificationMails() {
    }

    static Mail of(NotificationType type, JsonNode data, String consoleUrl) {
        String link = consoleUrl.replaceAll("/+$", "") + "/" + page(type, data);
        String subject;
        StringBuilder body = new StringBuilder("您好：\n\n");
        switch (type) {
            case PAIR_APPROVED -> {
                subject = "新的对接已审核通过：" + text(data, "achievementTitle", "成果") + " ↔ " + text(data, "demandTitle", "需求");
                body.append("技术经纪人审核通过了贵单位参与的一项供需对接。\n")
                        .append("成果：").append(text(data, "achievementTitle", data.path("achievementId").asText())).append('\n')
                        .append("需求：").append(text(data, "demandTitle", data.path("demandId").asText())).append('\n');
            }
            case INTRODUCTION_WAITING -> {
                subject = "有一项引荐等待您确认：" + text(data, "demandTitle", "需求");
                body.append("技术经纪人将一项成果引荐给贵单位的需求，请在平台上接受或婉拒。\n")
                        .append("需求：").append(text(data, "demandTitle", data.path("demandId").asText())).append('\n')
                        .append("成果：").append(text(data, "achievementTitle", data.path("achievementId").asText())).append('\n');
            }
            case INVITATION_ISSUED -> {
                subject = "贵单位受邀参加揭榜挂帅：" + text(data, "demandTitle", "需求");
                body.append("贵单位的成果与一项揭榜挂帅需求高度匹配，欢迎揭榜。\n")
                        .append("需求：").append(text(data, "demandTitle", data.path("demandId").asText())).append('\n')
                        .append("匹配成果：").append(text(data, "achievementTitle", data.path("achievementId").asText())).append('\n');
                if (data.hasNonNull("applicationDeadline")) {
                    body.append("揭榜截止：").append(data.path("applicationDeadline").asText()).append('\n');
                }
            }
            case CHALLENGE_PHASE_CHANGED -> {
                subject = "揭榜挂帅进入" + phase(data.path("phase").asText()) + "阶段：" + text(data, "demandTitle", "需求");
                body.append("揭榜挂帅需求「").append(text(data, "demandTitle", data.path("demandId").asText())).append("」从")
                        .append(phase(data.path("previousPhase").asText())).append("进入")
                        .append(phase(data.path("phase").asText())).append("阶段。\n");
            }
            case IMPORT_FINISHED -> {
                subject = "批量导入已完成：成功 " + data.path("rowsImported").asInt() + " 行，失败 "
                        + data.path("rowsFailed").asInt() + " 行";
                body.append("贵单位的批量导入已结束：成功 ").append(data.path("rowsImported").asInt()).append(" 行，失败 ")
                        .append(data.path("rowsFailed").asInt()).append(" 行。\n");
            }
            case SAVED_SEARCH_NEW_MATCHES -> {
                int count = data.path("count").asInt();
                subject = "订阅的搜索「" + data.path("name").asText() + "」有 " + count + " 条新结果";
                body.append("您保存的搜索「").append(data.path("name").asText()).append("」有 ").append(count)
                        .append(" 条新发布或更新的记录：\n");
                for (JsonNode record : data.path("records")) {
                    body.append("· ").append(record.path("title").asText()).append('\n');
                }
            }
            default -> throw new IllegalArgumentException(type.name());
        }
        body.append("\n在平台上查看：").append(link).append("\n\n")
                .append("—— ").append(SITE).append("\n")
                .append("（您在平台的「通知设置」中选择了接收此类邮件，可随时在那里更改。）\n");
        return new Mail("【" + SITE + "】" + subject, body.toString());
    }

    /** The console page of a notification (a hash route). */
    static String page(NotificationType type, JsonNode data) {
        return switch (type) {
            case PAIR_APPROVED, INTRODUCTION_WAITING -> "#/pair/" + data.path("matchId").asText();
            case INVITATION_ISSUED, CHALLENGE_PHASE_CHANGED -> "#/challenge/" + data.path("demandId").asText();
            case IMPORT_FINISHED -> "#/imports";
            case SAVED_SEARCH_NEW_MATCHES -> "#/notifications";
        };
    }

    private static String text(JsonNode data, String field, String otherwise) {
        String value = data.path(field).asText("");
        return value.isBlank() ? otherwise : value;
    }

    private static String phase(String phase) {
        return switch (phase) {
            case "APPLYING" -> "揭榜";
            case "JUDGING" -> "评审";
            case "AWARDED" -> "已揭榜";
            case "CLOSED" -> "已关闭";
            default -> phase;
        };
    }
}

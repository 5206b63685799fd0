package io.techbridge.deploy.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real mail server for the notification e-mails, GreenMail from a Maven Central jar: SMTP that
 * takes every message (no login), IMAP to read a mailbox with any mail client (login and password:
 * the address), and a REST API with a web page to read them in a browser. Mail is kept in memory: a
 * restart empties the mailboxes.
 */
public final class MailServer {

    private final Path projectDir;
    private final Path home;
    private final int smtpPort;
    private final int imapPort;
    private final int webPort;
    private final ManagedProcess process;

    public MailServer(Path projectDir, Path home, int smtpPort, int imapPort, int webPort) {
        this.projectDir = projectDir;
        this.home = home.toAbsolutePath();
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.webPort = webPort;
        this.process = new ManagedProcess("mail", this.home, this.home.resolve("mail.log"));
    }

    public int smtpPort() {
        return smtpPort;
    }

    public String imapAddress() {
        return "127.0.0.1:" + imapPort;
    }

    public String webUrl() {
        return "http://127.0.0.1:" + webPort;
    }

    public ManagedProcess process() {
        return process;
    }

    public void start() {
        if (process.running().isPresent()) {
            return;
        }
        String classpath = JavaCommand.moduleClasspath(projectDir, "mail-node");
        process.start(JavaCommand.command(process, home.resolve("java.args"), classpath,
                        List.of("-Xms16m", "-Xmx96m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                                "-Dgreenmail.imap.hostname=127.0.0.1", "-Dgreenmail.imap.port=" + imapPort,
                                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + webPort,
                                "-Dgreenmail.auth.disabled"),
                        "com.icegreen.greenmail.standalone.GreenMailStandaloneRunner", List.of()),
                Map.of(), home);
    }

    public void awaitReady(Duration timeout) {
        Wait.until("the mail server on port " + smtpPort, timeout, () -> {
            if (process.running().isEmpty()) {
                throw new IllegalStateException("the mail server exited; see " + process.logFile());
            }
            return Wait.portOpen(smtpPort) && Wait.portOpen(webPort);
        });
    }
}

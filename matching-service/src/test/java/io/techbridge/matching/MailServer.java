package io.techbridge.matching;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A real mail server for the tests (GreenMail, in this JVM, on free ports): the service sends its
 * notification e-mails to its SMTP port, and a test reads a recipient's mailbox over IMAP as a mail
 * client would (GreenMail makes each recipient an account whose login and password are its address).
 */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    static final String IMAP_PORT = "techbridge.test.imap-port";

    private GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        int smtp = freePort();
        int imap = freePort();
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        System.setProperty(IMAP_PORT, Integer.toString(imap));
        return Map.of(
                "techbridge.notifications.mail.enabled", "true",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(smtp),
                IMAP_PORT, Integer.toString(imap));
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    /** A message as the recipient's client shows it. */
    record Received(String subject, List<String> to, String body) {
    }

    /** What arrived in the address's mailbox so far (none when nothing ever came for it). */
    static List<Received> mailbox(String address) {
        String given = System.getProperty(IMAP_PORT);
        int port = given != null ? Integer.parseInt(given) : ConfigProvider.getConfig().getValue(IMAP_PORT, Integer.class);
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            try {
                store.connect("127.0.0.1", port, address, address);
            } catch (AuthenticationFailedException e) {
                return List.of();
            }
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Received> received = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                List<String> to = new ArrayList<>();
                for (var recipient : message.getAllRecipients()) {
                    to.add(recipient.toString());
                }
                Object content = message.getContent();
                received.add(new Received(message.getSubject(), to, content instanceof String text ? text : String.valueOf(content)));
            }
            inbox.close(false);
            return received;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read the mailbox of " + address, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.switchboard.accounts.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import com.switchboard.accounts.Accounts.SignUpMail;
import com.switchboard.system.Deployment;

/**
 * The mail accounts send: for now, sign-up's. Mail is configured when {@code spring.mail.host} is
 * set (Spring Boot then makes the sender); without it, sign-up creates the account at once.
 */
@Component
public class AccountMail {

    private final ObjectProvider<JavaMailSender> sender;
    private final MessageSource messages;
    private final Deployment deployment;
    private final String from;

    AccountMail(ObjectProvider<JavaMailSender> sender, MessageSource messages, Deployment deployment,
            @Value("${switchboard.mail.from:}") String from) {
        this.sender = sender;
        this.messages = messages;
        this.deployment = deployment;
        this.from = from.isBlank() ? "Switchboard <no-reply@" + deployment.publicUrl().getHost() + ">" : from;
    }

    /** Whether mail can be sent at all. */
    public boolean configured() {
        return sender.getIfAvailable() != null;
    }

    /** The confirmation link to a new address, or the word to the owner of a known one. */
    public void send(SignUpMail mail) {
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(mail.email());
        String base = deployment.publicUrl().toString().replaceAll("/$", "");
        if (mail.toOwner()) {
            message.setSubject(text("mail.signUpTaken.subject", mail));
            message.setText(text("mail.signUpTaken.body", mail, mail.name(), mail.accountName(), base + "/login"));
        }
        else {
            message.setSubject(text("mail.signUpConfirm.subject", mail));
            message.setText(text("mail.signUpConfirm.body", mail, mail.name(), mail.accountName(),
                    base + "/signup/confirm?token=" + mail.confirmationToken()));
        }
        sender.getObject().send(message);
    }

    private String text(String key, SignUpMail mail, Object... args) {
        return messages.getMessage(key, args, mail.locale());
    }
}

package com.switchboard.live.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.switchboard.accounts.Access;
import com.switchboard.accounts.Role;
import com.switchboard.accounts.User;

/** One stream's queue: order, no repeats, and a slow client that cannot hold up the others. */
class SubscriberTests {

    private static final Executor WRITERS = task -> {
        var thread = new Thread(task, "test-writer");
        thread.setDaemon(true);
        thread.start();
    };
    private static final User VIEWER = new User(UUID.randomUUID(), UUID.randomUUID(), "Alice Roy", "alice@example.com",
            Role.AGENT, ZoneId.of("America/Toronto"), Locale.ENGLISH, true, Instant.now());

    /** A client connection: records what it was sent, or blocks like a client that stopped reading. */
    static final class Client extends SseEmitter {

        final List<String> received = new CopyOnWriteArrayList<>();
        final CountDownLatch unblock;

        Client(boolean stuck) {
            unblock = new CountDownLatch(stuck ? 1 : 0);
        }

        @Override
        public void send(SseEventBuilder event) throws IOException {
            try {
                unblock.await();
            }
            catch (InterruptedException e) {
                throw new IOException(e);
            }
            received.add(event.build().stream().map(part -> String.valueOf(part.getData())).collect(Collectors.joining()));
        }
    }

    private static Subscriber subscriber(Client client, int buffer, AtomicBoolean closed) {
        var access = Access.forSession(VIEWER.accountId(), VIEWER.id(), "session");
        return new Subscriber(VIEWER, access, client, 10, buffer, WRITERS, s -> closed.set(true));
    }

    @Test
    void eventsGoOutInIdOrderAndNeverTwice() {
        var client = new Client(false);
        var subscriber = subscriber(client, 16, new AtomicBoolean());
        subscriber.replayed();
        subscriber.opened();

        subscriber.send(11, "message.created", "{\"n\":11}");
        subscriber.send(9, "message.created", "{\"n\":9}");
        subscriber.send(11, "message.created", "{\"n\":11}");
        subscriber.send(12, "away", "{\"n\":12}");

        await().atMost(Duration.ofSeconds(20)).until(() -> client.received.size() == 2);
        assertThat(client.received.get(0)).contains("id:11", "event:message.created", "{\"n\":11}");
        assertThat(client.received.get(1)).contains("id:12", "event:away");
    }

    @Test
    void liveEventsWaitUntilTheReplayOfMissedOnesIsDone() {
        var client = new Client(false);
        var subscriber = subscriber(client, 16, new AtomicBoolean());

        subscriber.send(13, "message.created", "{}");
        subscriber.replay(11, "message.created", "{}");
        subscriber.replay(12, "message.created", "{}");
        subscriber.replay(13, "message.created", "{}");
        subscriber.replayed();
        subscriber.opened();

        await().atMost(Duration.ofSeconds(20)).until(() -> client.received.size() == 3);
        assertThat(client.received).extracting(frame -> frame.substring(0, frame.indexOf('\n')))
                .containsExactly("id:11", "id:12", "id:13");
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedWhenItsBufferOverflowsAndHoldsUpNoOne() {
        var stuck = new Client(true);
        var stuckClosed = new AtomicBoolean();
        var slow = subscriber(stuck, 4, stuckClosed);
        var healthy = new Client(false);
        var fine = subscriber(healthy, 4, new AtomicBoolean());
        slow.replayed();
        fine.replayed();
        slow.opened();
        fine.opened();

        for (int id = 11; id <= 30; id++) {
            slow.send(id, "message.created", "{}");
            fine.send(id, "message.created", "{}");
            // The healthy one keeps up: what it was sent goes out while the other is stuck.
            int expected = id - 10;
            await().atMost(Duration.ofSeconds(20)).until(() -> healthy.received.size() == expected);
        }

        assertThat(slow.isClosed()).isTrue();
        assertThat(stuckClosed).isTrue();
        assertThat(fine.isClosed()).isFalse();
        stuck.unblock.countDown();
    }
}

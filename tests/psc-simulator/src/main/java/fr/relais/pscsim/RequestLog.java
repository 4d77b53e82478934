package fr.relais.pscsim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The last requests received, oldest first; bounded so a long `./relais dev` session does not grow forever. */
final class RequestLog {

    private final int capacity;
    private final Deque<RecordedRequest> entries = new ArrayDeque<>();
    private final AtomicLong sequence = new AtomicLong();

    RequestLog(int capacity) {
        this.capacity = capacity;
    }

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    synchronized void add(RecordedRequest request) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(request);
    }

    synchronized List<RecordedRequest> all() {
        return List.copyOf(entries);
    }

    synchronized List<RecordedRequest> of(Endpoint endpoint) {
        List<RecordedRequest> result = new ArrayList<>();
        for (RecordedRequest request : entries) {
            if (request.endpoint() == endpoint) {
                result.add(request);
            }
        }
        return result;
    }

    synchronized void clear() {
        entries.clear();
    }
}

package org.defenderconnector.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap a run needed, from the JVM's own garbage collection notifications:
 * <ul>
 *   <li><b>live</b>: the largest heap left after the full collections this watch asks for every few
 *       seconds ({@code System.gc()}): what the program really held at once, the bound that matters. (After
 *       G1's young collections the heap still holds old-generation garbage, so those figures are not it.)</li>
 *   <li><b>in use</b>: the largest heap just before any collection, live data plus garbage, which the
 *       collector lets grow towards -Xmx.</li>
 * </ul>
 */
final class HeapWatch implements AutoCloseable {
    private final AtomicLong peakLive = new AtomicLong();
    private final AtomicLong peakInUse = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final ScheduledExecutorService fullCollections = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "heap-watch");
        thread.setDaemon(true);
        return thread;
    });

    /** Starts listening to every garbage collection and asks for a full one every {@code seconds}. */
    static HeapWatch start(int seconds) {
        HeapWatch watch = new HeapWatch();
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                watch.record(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()));
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
        watch.fullCollections.scheduleAtFixedRate(System::gc, seconds, seconds, TimeUnit.SECONDS);
        return watch;
    }

    private void record(GarbageCollectionNotificationInfo info) {
        collections.incrementAndGet();
        peakInUse.accumulateAndGet(heap(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
        if ("System.gc()".equals(info.getGcCause())) {
            peakLive.accumulateAndGet(heap(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
        }
    }

    private static long heap(Map<String, MemoryUsage> usageByPool) {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = usageByPool.get(pool.getName());
            if (pool.getType() == MemoryType.HEAP && usage != null) {
                used += usage.getUsed();
            }
        }
        return used;
    }

    long peakLiveBytes() {
        return peakLive.get();
    }

    long peakInUseBytes() {
        return peakInUse.get();
    }

    long collections() {
        return collections.get();
    }

    static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    static String collectorNames() {
        return String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList()).replace(' ', '_');
    }

    @Override
    public void close() {
        fullCollections.shutdownNow();
    }
}

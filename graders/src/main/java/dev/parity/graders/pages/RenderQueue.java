package dev.parity.graders.pages;

import dev.parity.documents.FileFormat;
import dev.parity.documents.PageOptions;
import dev.parity.documents.PageRenderer;
import dev.parity.documents.Pages;
import dev.parity.graders.campaign.CampaignFile;
import dev.parity.graders.campaign.DeliverableView;
import dev.parity.store.BlobStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Draws campaign files as pages in the background and keeps them in the {@link PageCache}: a few
 * worker threads (a bounded number, at the lowest thread priority) take renders from a queue in
 * which a file a grader is looking at goes before files queued for a whole campaign. Page requests
 * never draw: they read the cache and, for a file not drawn yet, put it at the front of the queue
 * ({@link #request}). Only the stripped copy of a file ({@link DeliverableView#strip}) is drawn.
 *
 * <p>A file that cannot be drawn is recorded as failed with the renderer's reason and never tried
 * again by this renderer version; the next file is drawn as usual. Thread-safe. {@link #close}
 * stops the workers; renders they had not finished stay queued in the store, and {@link #resume}
 * takes them up in the next process.
 */
public final class RenderQueue implements AutoCloseable {
  private static final int PAGE_REQUEST = 0;
  private static final int BACKGROUND = 1;

  private final PageCache cache;
  private final BlobStore blobs;
  private final DeliverableView view;
  private final PageRenderer renderer;
  private final PageOptions options;
  private final String version;
  private final ThreadPoolExecutor workers;
  private final Map<String, Entry> inFlight = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();

  /**
   * A queue drawing with {@code renderer} at {@code options} on {@code threads} worker threads.
   *
   * @param view strips each file before it is drawn
   */
  public RenderQueue(PageCache cache, BlobStore blobs, DeliverableView view, PageRenderer renderer,
      PageOptions options, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("a render queue needs at least 1 thread, got " + threads);
    }
    this.cache = Objects.requireNonNull(cache, "cache");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.view = Objects.requireNonNull(view, "view");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.options = Objects.requireNonNull(options, "options");
    this.version = renderer.version();
    AtomicInteger names = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new PriorityBlockingQueue<>(),
        r -> {
          Thread thread = new Thread(r, "parity-render-" + names.incrementAndGet());
          thread.setDaemon(true);
          // A hint only (Linux ignores Java priorities by default): the bounded thread count is what
          // keeps renders from starving page requests; the converter lowers its own CPU priority.
          thread.setPriority(Thread.MIN_PRIORITY);
          return thread;
        });
  }

  /** Whether this queue's renderer draws files of {@code format}; other files are shown as text only. */
  public boolean draws(FileFormat format) {
    return renderer.handles(format);
  }

  /** The size pages are drawn at. */
  public PageOptions options() {
    return options;
  }

  /** The cache key of the stored file {@code sha256} read as {@code format}, for this renderer and size. */
  public RenderKey key(String sha256, FileFormat format) {
    return new RenderKey(sha256, format, version, options);
  }

  /**
   * The render of a file as it is now, for a page: done or failed from the cache; otherwise queued
   * ahead of background work (if it was not already) and returned as queued or rendering.
   *
   * @throws IllegalArgumentException when the renderer does not {@linkplain #draws draw} the format
   */
  public PageRender request(String sha256, FileFormat format) {
    RenderKey key = drawable(sha256, format);
    Entry entry = inFlight.get(key.id());
    if (entry == null) {
      Optional<PageRender> cached = cache.find(key);
      if (cached.isPresent() && cached.get().status().finished()) {
        return cached.get();
      }
      entry = enqueue(key, PAGE_REQUEST, cached.isEmpty());
    } else if (!entry.started.get() && entry.promoted.compareAndSet(false, true)) {
      // Queued with a campaign: a second job at page priority overtakes it; whichever job a worker
      // takes first draws the file, the other finds it started and does nothing.
      workers.execute(new Job(key, entry, PAGE_REQUEST, sequence.incrementAndGet()));
    }
    return entry == null ? cache.find(key).orElseThrow()
        : PageRender.of(key, entry.started.get() ? RenderStatus.RENDERING : RenderStatus.QUEUED);
  }

  /**
   * The finished render of a file (done or failed), drawn first if needed, ahead of background work.
   *
   * @throws IllegalArgumentException when the renderer does not {@linkplain #draws draw} the format
   */
  public CompletableFuture<PageRender> render(String sha256, FileFormat format) {
    RenderKey key = drawable(sha256, format);
    Optional<PageRender> cached = cache.find(key);
    if (cached.isPresent() && cached.get().status().finished()) {
      return CompletableFuture.completedFuture(cached.get());
    }
    Entry entry = enqueue(key, PAGE_REQUEST, cached.isEmpty());
    return entry == null ? CompletableFuture.completedFuture(cache.find(key).orElseThrow()) : entry.result;
  }

  /**
   * Queues, behind page requests, every file among {@code files} this renderer draws and the cache
   * does not hold yet (for instance all the files of a new campaign).
   *
   * @return how many files are waiting to be drawn
   */
  public int queue(Collection<CampaignFile> files) {
    List<RenderKey> waiting = cache.queue(RenderKey.drawable(files, renderer, options));
    waiting.forEach(key -> enqueue(key, BACKGROUND, false));
    return waiting.size();
  }

  /**
   * Takes up the renders for this renderer and size that the store holds as queued or rendering:
   * queued by {@code parity campaign create}, or left unfinished by a process that stopped.
   *
   * @return how many were queued
   */
  public int resume() {
    List<RenderKey> mine = cache.unfinished().stream()
        .filter(k -> k.renderer().equals(version) && k.options().equals(options)).toList();
    mine.forEach(key -> enqueue(key, BACKGROUND, false));
    return mine.size();
  }

  /** The PNG of page {@code number} of a file, if it is drawn. */
  public Optional<byte[]> png(String sha256, FileFormat format, int number) {
    return cache.find(key(sha256, format)).filter(r -> r.status() == RenderStatus.DONE)
        .flatMap(r -> r.pages().stream().filter(p -> p.number() == number).findFirst())
        .map(this::png);
  }

  /** The PNG of a page of a finished render. */
  public byte[] png(PageRef page) {
    return blobs.get(page.pngSha256());
  }

  /** Stops the workers; a render being drawn is abandoned and stays queued in the store. */
  @Override
  public void close() {
    workers.shutdownNow();
  }

  private RenderKey drawable(String sha256, FileFormat format) {
    if (!renderer.handles(format)) {
      throw new IllegalArgumentException(version + " does not draw " + format.id() + " files");
    }
    return key(sha256, format);
  }

  /**
   * The entry of a render in flight, made and queued if there is none; null when it is finished
   * already. With {@code record}, a row is made in the store first (a file no campaign queued).
   *
   * <p>The caller read the store before: a worker may have finished the render since, and removed
   * its entry. It records the render before it removes the entry, so once this entry is in place
   * the store is read again, and a finished render is not drawn a second time.
   */
  private Entry enqueue(RenderKey key, int priority, boolean record) {
    Entry fresh = new Entry();
    fresh.promoted.set(priority == PAGE_REQUEST);
    Entry entry = inFlight.putIfAbsent(key.id(), fresh);
    if (entry != null) {
      return entry;
    }
    // With record (asked for by a page before any campaign queued it), its row is made, which makes
    // it visible in the store.
    boolean finished = record ? cache.queue(List.of(key)).isEmpty()
        : cache.find(key).map(render -> render.status().finished()).orElse(false);
    if (finished) {
      inFlight.remove(key.id(), fresh);
      return null;
    }
    workers.execute(new Job(key, fresh, priority, sequence.incrementAndGet()));
    return fresh;
  }

  private void draw(RenderKey key, Entry entry) {
    if (!entry.started.compareAndSet(false, true)) {
      return;
    }
    try {
      PageRender result;
      try {
        cache.rendering(key);
        byte[] stripped = view.strip("file." + key.format().id(), blobs.get(key.sha256()));
        Pages pages = renderer.render(key.format(), stripped, options);
        List<PageRef> refs = pages.images().stream()
            .map(p -> new PageRef(p.number(), p.width(), p.height(), blobs.put(p.png()))).toList();
        result = cache.done(key, refs, pages.pageCount());
      } catch (RuntimeException e) {
        if (workers.isShutdown()) {
          // Stopped by close, not a fault of the file: it stays queued in the store for the next process.
          inFlight.remove(key.id(), entry);
          entry.result.cancel(false);
          return;
        }
        // One file that cannot be drawn (it does not open, the converter timed out or crashed) is
        // recorded with its reason, for the grader to read; the queue goes on with the next file.
        result = cache.failed(key, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      }
      inFlight.remove(key.id(), entry);
      entry.result.complete(result);
    } catch (RuntimeException e) {
      inFlight.remove(key.id(), entry);
      entry.result.completeExceptionally(e);
    }
  }

  /** A render in flight: started by one worker only; its result when finished. */
  private static final class Entry {
    final AtomicBoolean started = new AtomicBoolean();
    final AtomicBoolean promoted = new AtomicBoolean();
    final CompletableFuture<PageRender> result = new CompletableFuture<>();
  }

  /** Page requests first, then the order of queueing. */
  private final class Job implements Runnable, Comparable<Job> {
    final RenderKey key;
    final Entry entry;
    final int priority;
    final long order;

    Job(RenderKey key, Entry entry, int priority, long order) {
      this.key = key;
      this.entry = entry;
      this.priority = priority;
      this.order = order;
    }

    @Override
    public void run() {
      draw(key, entry);
    }

    @Override
    public int compareTo(Job other) {
      return priority != other.priority ? Integer.compare(priority, other.priority) : Long.compare(order, other.order);
    }
  }
}

package dev.parity.harness.store;

import dev.parity.store.BlobStore;
import java.util.List;

/**
 * What an attempt brings to the store beside its own rows, written in the transaction that
 * records it ({@link Store#record(Attempt, List, List, dev.parity.store.Database.Work, NewContent)}):
 * the blobs it names (its answer, transcript and files), staged with {@link BlobStore#stage}, and
 * the features of its files.
 *
 * @param blobs staged blobs; a blob store outside the database has stored them already
 * @param features the features of the attempt's files, recorded unless recorded before
 */
public record NewContent(List<BlobStore.Staged> blobs, List<FileFeatures> features) {
  /** Nothing beside the attempt's rows. */
  public static final NewContent NONE = new NewContent(List.of(), List.of());

  public NewContent {
    blobs = List.copyOf(blobs);
    features = List.copyOf(features);
  }
}

package io.idcardstream.fetch;

/**
 * Downloads an image by URL for a recogniser that was handed an {@code ImageUrl}.
 *
 * <p>Threading notes: implementations are thread-safe; {@link #fetch} blocks the calling thread for at most
 * the implementation's deadline.
 */
public interface ImageFetcher {

    /**
     * @return the image bytes, never more than the implementation's size limit
     * @throws ImageFetchException when the URL is refused, the download fails, is too slow or too large
     */
    byte[] fetch(String url) throws ImageFetchException;
}

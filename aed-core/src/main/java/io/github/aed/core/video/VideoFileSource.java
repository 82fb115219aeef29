package io.github.aed.core.video;

import io.github.aed.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.Set;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_videoio;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_videoio.VideoCapture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frames of a video file. The Bytedeco OpenCV build decodes only MJPG-in-AVI (its own backend, no FFmpeg), so
 * that is tried first; any other container or codec is decoded by FFmpeg through JavaCV. Frames are deep-copied out of
 * the decoders' reused buffers. The first frame is read when the source is opened, so a file that is not a video or
 * has no frames fails at once, naming the file.
 */
final class VideoFileSource implements FrameSource {

    private static final Logger LOG = LoggerFactory.getLogger(VideoFileSource.class);
    static final Set<String> EXTENSIONS = Set.of("avi", "mp4", "m4v", "mov", "mkv", "webm", "mpg", "mpeg", "wmv", "flv");

    private final Path file;
    private final String name;
    private final Decoder decoder;
    private Frame lookahead;
    private int read;
    private boolean closed;

    private VideoFileSource(Path file, Decoder decoder) {
        this.file = file;
        this.name = baseName(file);
        this.decoder = decoder;
    }

    static VideoFileSource open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such video file");
        }
        if (!Files.isReadable(file)) {
            throw new InvalidInputException(file + ": video file is not readable");
        }
        Decoder decoder = OpenCvDecoder.tryOpen(file);
        if (decoder == null) {
            decoder = FfmpegDecoder.open(file);
        }
        VideoFileSource source = new VideoFileSource(file, decoder);
        try {
            source.lookahead = source.decode();
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        if (source.lookahead == null) {
            source.close();
            throw new InvalidInputException(file + ": the video contains no frames");
        }
        return source;
    }

    static boolean isVideoFile(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return Files.isRegularFile(p) && dot > 0 && EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static String baseName(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private Frame decode() {
        Mat mat;
        try {
            mat = decoder.grab();
        } catch (Exception e) {
            throw new InvalidInputException(file + ": cannot decode frame " + read + " (" + e.getMessage() + ")", e);
        }
        if (mat == null) {
            return null;
        }
        return Frame.fromMat(mat, name, read++);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public OptionalInt frameCount() {
        int n = decoder.frameCountHint();
        return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
    }

    @Override
    public boolean hasNext() {
        return lookahead != null;
    }

    @Override
    public Frame next() {
        if (lookahead == null) {
            throw new NoSuchElementException(file + ": no more frames after " + read);
        }
        Frame current = lookahead;
        lookahead = decode();
        if (lookahead == null) {
            int hint = decoder.frameCountHint();
            if (hint > 0 && hint != read) {
                LOG.debug("{}: the container announced {} frames, {} were decoded", file, hint, read);
            }
        }
        return current;
    }

    @Override
    public void close() {
        lookahead = null;
        if (!closed) {
            closed = true;
            decoder.close();
        }
    }

    /** One decoding backend. {@link #grab()} returns a buffer that is only valid until the next call. */
    private interface Decoder extends AutoCloseable {
        Mat grab() throws Exception;

        int frameCountHint();

        @Override
        void close();
    }

    private static final class OpenCvDecoder implements Decoder {
        private final VideoCapture capture;
        private final Mat buffer = new Mat();
        private Mat first;

        private OpenCvDecoder(VideoCapture capture) {
            this.capture = capture;
        }

        /** The OpenCV MJPG decoder if it can read the file's first frame, else null. */
        static OpenCvDecoder tryOpen(Path file) {
            VideoCapture capture = new VideoCapture(file.toString(), opencv_videoio.CAP_OPENCV_MJPEG);
            OpenCvDecoder d = new OpenCvDecoder(capture);
            if (!capture.isOpened() || !capture.read(d.buffer) || d.buffer.empty()) {
                d.close();
                return null;
            }
            d.first = d.buffer;
            return d;
        }

        @Override
        public Mat grab() {
            if (first != null) {
                Mat f = first;
                first = null;
                return f;
            }
            return capture.read(buffer) && !buffer.empty() ? buffer : null;
        }

        @Override
        public int frameCountHint() {
            return (int) capture.get(opencv_videoio.CAP_PROP_FRAME_COUNT);
        }

        @Override
        public void close() {
            capture.release();
            capture.close();
            buffer.close();
        }
    }

    private static final class FfmpegDecoder implements Decoder {
        private final FFmpegFrameGrabber grabber;
        private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
        private boolean closed;

        private FfmpegDecoder(FFmpegFrameGrabber grabber) {
            this.grabber = grabber;
        }

        static FfmpegDecoder open(Path file) {
            avutil.av_log_set_level(avutil.AV_LOG_FATAL);
            FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
            try {
                grabber.start();
            } catch (FrameGrabber.Exception e) {
                try {
                    grabber.release();
                } catch (FrameGrabber.Exception ignored) {
                    // the open failure below is the error worth reporting
                }
                throw new InvalidInputException(file + ": not a readable video (FFmpeg: " + e.getMessage() + ")", e);
            }
            if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
                FfmpegDecoder d = new FfmpegDecoder(grabber);
                d.close();
                throw new InvalidInputException(file + ": has no video stream");
            }
            return new FfmpegDecoder(grabber);
        }

        @Override
        public Mat grab() throws Exception {
            org.bytedeco.javacv.Frame f = grabber.grabImage();
            return f == null ? null : converter.convert(f);
        }

        @Override
        public int frameCountHint() {
            return grabber.getLengthInFrames();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                grabber.stop();
                grabber.release();
            } catch (FrameGrabber.Exception e) {
                LOG.warn("closing the FFmpeg grabber failed: {}", e.getMessage());
            }
            converter.close();
        }
    }
}

package io.github.aed.core.video;

import io.github.aed.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.Set;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
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
 *
 * <p>Damage: the number of frames the container declares (for AVI read from its header by {@link AviHeader}, since
 * OpenCV counts a truncated file's surviving index; for other containers the stream's frame count where it states one)
 * is compared with the frames decoded. A decoder that stops short of it, or fails, makes the read fail with
 * {@code VIDEO: decoded N of M frames (truncated or corrupt at frame N)}, unless the {@link DamagedVideoPolicy} keeps
 * the decoded frames, with a warning. An AVI file's header is the authority: a decoder that finds more frames than it
 * declares has misread a damaged index, so that fails too, or keeps the declared number of frames with a warning. An
 * AVI file whose header is damaged declares nothing to compare with: kept, its video ends wherever the decoder stops,
 * with a warning that any frames after those decoded are lost.
 */
final class VideoFileSource implements FrameSource {

    private static final Logger LOG = LoggerFactory.getLogger(VideoFileSource.class);
    static final Set<String> EXTENSIONS = Set.of("avi", "mp4", "m4v", "mov", "mkv", "webm", "mpg", "mpeg", "wmv", "flv");

    private final Path file;
    private final String name;
    private final Decoder decoder;
    private final DamagedVideoPolicy policy;
    private final int declared;
    /** Whether the file is an AVI file, whose {@code declared} count comes from its header (-1: the header is damaged). */
    private final boolean avi;
    private Frame lookahead;
    private int read;
    private boolean closed;

    private VideoFileSource(Path file, Decoder decoder, DamagedVideoPolicy policy, int declared, boolean avi) {
        this.file = file;
        this.name = baseName(file);
        this.decoder = decoder;
        this.policy = policy;
        this.declared = declared;
        this.avi = avi;
    }

    static VideoFileSource open(Path file, DamagedVideoPolicy policy) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such video file");
        }
        if (!Files.isReadable(file)) {
            throw new InvalidInputException(file + ": video file is not readable");
        }
        boolean avi = AviHeader.isAviName(file);
        int fromHeader = avi ? aviFrameCount(file, policy) : -1;
        Decoder decoder = OpenCvDecoder.tryOpen(file);
        if (decoder == null) {
            decoder = FfmpegDecoder.open(file);
        }
        VideoFileSource source = new VideoFileSource(file, decoder, policy, avi ? fromHeader : decoder.declaredFrames(), avi);
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

    /** The frame count of an AVI file's header; -1 when it is damaged and the policy keeps going. */
    private static int aviFrameCount(Path file, DamagedVideoPolicy policy) {
        try {
            return AviHeader.declaredFrames(file);
        } catch (InvalidInputException e) {
            if (policy == DamagedVideoPolicy.FAIL) {
                throw e;
            }
            LOG.warn("{}; reading what the decoder finds, without a declared frame count to check against", e.getMessage());
            return -1;
        }
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
            return damaged(" (" + e.getMessage() + ")", e);
        }
        if (mat == null) {
            if (declared > 0 && read < declared) {
                return damaged("", null);
            }
            if (avi && declared < 0) {
                LOG.warn("{}: the decoder stopped after {} frames; with the header damaged there is no frame count to check "
                        + "them against, so any frames after them are lost", file, read);
            }
            return null;
        }
        if (avi && declared > 0 && read == declared) {
            return beyondHeader();
        }
        return Frame.fromMat(mat, name, read++);
    }

    /** The end of a damaged video: fails, or (keeping the decoded frames) warns and ends the video here. */
    private Frame damaged(String detail, Exception cause) {
        String what = file + ": decoded " + read + (declared > 0 ? " of " + declared : "") + " frames (truncated or corrupt at frame "
                + read + ")" + detail;
        if (policy == DamagedVideoPolicy.FAIL) {
            throw new InvalidInputException(what + "; to keep the frames decoded, allow truncated videos "
                    + "(DamagedVideoPolicy.KEEP_DECODED_FRAMES, ./aed --allow-truncated)", cause);
        }
        LOG.warn("{}; keeping the {} frames decoded{}", what, read,
                declared > 0 ? ", " + (declared - read) + " frames lost" : ", the rest is lost");
        return null;
    }

    /** A frame past the AVI header's count: fails, or (keeping the declared frames) warns and ends the video here. */
    private Frame beyondHeader() {
        String what = file + ": the header declares " + declared + " frames but the decoder finds more (a damaged index)";
        if (policy == DamagedVideoPolicy.FAIL) {
            throw new InvalidInputException(what + "; to keep the " + declared + " frames the header declares, allow damaged "
                    + "videos (DamagedVideoPolicy.KEEP_DECODED_FRAMES, ./aed --allow-truncated)");
        }
        LOG.warn("{}; keeping the first {} frames, the rest is dropped", what, declared);
        return null;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public OptionalInt frameCount() {
        int n = declared > 0 ? declared : decoder.frameCountHint();
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
        if (lookahead == null && declared > 0 && read > declared) {
            LOG.debug("{}: the container declared {} frames, {} were decoded", file, declared, read);
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

        /** The frame count the container states for the video stream, or -1 if it states none. */
        int declaredFrames();

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

        /**
         * The OpenCV MJPG decoder if it can read the file's first frame, else null (also when OpenCV throws on a
         * damaged file, e.g. an AVI chunk size over its 64 MiB limit: FFmpeg then gets to read it or to say why not).
         */
        static OpenCvDecoder tryOpen(Path file) {
            VideoCapture capture = new VideoCapture(file.toString(), opencv_videoio.CAP_OPENCV_MJPEG);
            OpenCvDecoder d = new OpenCvDecoder(capture);
            boolean readable;
            try {
                readable = capture.isOpened() && capture.read(d.buffer) && !d.buffer.empty();
            } catch (RuntimeException e) {
                LOG.debug("{}: OpenCV cannot read the first frame ({}); trying FFmpeg", file, e.getMessage());
                readable = false;
            }
            if (!readable) {
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
        public int declaredFrames() {
            return -1;
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
        public int declaredFrames() {
            AVFormatContext context = grabber.getFormatContext();
            for (int i = 0; i < context.nb_streams(); i++) {
                AVStream stream = context.streams(i);
                if (stream.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                    long n = stream.nb_frames();
                    return n > 0 && n <= Integer.MAX_VALUE ? (int) n : -1;
                }
            }
            return -1;
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

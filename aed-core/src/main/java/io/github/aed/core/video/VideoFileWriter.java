package io.github.aed.core.video;

import io.github.aed.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_videoio;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_videoio.VideoWriter;

/**
 * Writes frames to a video file. The format follows the file name: {@code .avi} is Motion-JPEG written by OpenCV
 * (readable everywhere, frame-exact); {@code .mp4}, {@code .mkv} and {@code .mov} are H.264 written by FFmpeg through
 * JavaCV. Every frame must have the size given at opening; grey frames are written as colour. Close the writer to
 * finish the file. Not thread-safe.
 *
 * <p>The file is written in place as frames come: to get all-or-nothing output, open the writer on a path staged by
 * an {@link io.github.aed.core.files.OutputTransaction} (which keeps the target's extension, so the format is the
 * target's) and commit the transaction when the job has succeeded.
 */
public final class VideoFileWriter implements AutoCloseable {

    private final Path file;
    private final int width;
    private final int height;
    private final VideoWriter opencv;
    private final FFmpegFrameRecorder ffmpeg;
    private final OpenCVFrameConverter.ToMat converter;
    private int written;
    private boolean closed;

    private VideoFileWriter(Path file, int width, int height, VideoWriter opencv, FFmpegFrameRecorder ffmpeg) {
        this.file = file;
        this.width = width;
        this.height = height;
        this.opencv = opencv;
        this.ffmpeg = ffmpeg;
        this.converter = ffmpeg == null ? null : new OpenCVFrameConverter.ToMat();
    }

    /**
     * Opens a new video file (replacing an existing one).
     *
     * @param file   ends in .avi (MJPG) or .mp4/.mkv/.mov (H.264)
     * @param fps    frames per second, positive
     * @param width  frame width in pixels (even for H.264)
     * @param height frame height in pixels (even for H.264)
     */
    public static VideoFileWriter open(Path file, double fps, int width, int height) {
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException(file + ": fps must be positive, got " + fps);
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(file + ": frame size must be positive, got " + width + "x" + height);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new InvalidInputException(file + ": folder " + parent + " does not exist");
        }
        String ext = extension(file);
        switch (ext) {
            case "avi" -> {
                int fourcc = VideoWriter.fourcc((byte) 'M', (byte) 'J', (byte) 'P', (byte) 'G');
                VideoWriter w = new VideoWriter(file.toString(), opencv_videoio.CAP_OPENCV_MJPEG, fourcc, fps,
                        new Size(width, height), true);
                if (!w.isOpened()) {
                    w.close();
                    throw new InvalidInputException(file + ": OpenCV cannot open an MJPG writer here");
                }
                return new VideoFileWriter(file, width, height, w, null);
            }
            case "mp4", "mkv", "mov" -> {
                if (width % 2 != 0 || height % 2 != 0) {
                    throw new IllegalArgumentException(file + ": H.264 needs an even frame size, got " + width + "x" + height);
                }
                avutil.av_log_set_level(avutil.AV_LOG_FATAL);
                FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), width, height);
                r.setVideoCodec(avcodec.AV_CODEC_ID_H264);
                r.setFormat(ext.equals("mkv") ? "matroska" : ext);
                r.setFrameRate(fps);
                r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                r.setVideoQuality(18);
                try {
                    r.start();
                } catch (FrameRecorder.Exception e) {
                    throw new InvalidInputException(file + ": FFmpeg cannot start an H.264 writer (" + e.getMessage() + ")", e);
                }
                return new VideoFileWriter(file, width, height, null, r);
            }
            default -> throw new IllegalArgumentException(file + ": unsupported video extension '" + ext
                    + "' (expected .avi, .mp4, .mkv or .mov)");
        }
    }

    /** Appends one frame, which must have the size given at opening. */
    public void write(Frame frame) {
        if (closed) {
            throw new IllegalStateException(file + ": writer is closed");
        }
        if (frame.width() != width || frame.height() != height) {
            throw new InvalidInputException(frame.describe() + " is " + frame.width() + "x" + frame.height()
                    + ", but " + file + " was opened for " + width + "x" + height);
        }
        try (Mat mat = frame.toBgr().toMat()) {
            if (opencv != null) {
                opencv.write(mat);
            } else {
                ffmpeg.record(converter.convert(mat));
            }
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException(file + ": cannot encode frame " + written + " (" + e.getMessage() + ")", e);
        }
        written++;
    }

    /** Frames written so far. */
    public int framesWritten() {
        return written;
    }

    /** Finishes the file. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (opencv != null) {
            opencv.release();
            opencv.close();
        } else {
            try {
                ffmpeg.stop();
                ffmpeg.release();
            } catch (FrameRecorder.Exception e) {
                throw new IllegalStateException(file + ": cannot finish the video (" + e.getMessage() + ")", e);
            } finally {
                converter.close();
            }
        }
    }

    private static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}

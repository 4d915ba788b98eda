import { Alert, Box, Button, Stack } from '@mantine/core';
import { IconCamera, IconCameraOff } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Frame } from './qr-decode.js';

type CameraState = 'idle' | 'starting' | 'running' | 'denied' | 'unavailable';

// A phone decodes a 480-pixel frame in a few milliseconds; five frames a second is quick enough for a queue of people.
const FRAME_WIDTH = 480;
const FRAME_EVERY_MS = 200;

/**
 * The back camera of the phone in the page, reading QR codes from its frames and handing each text to `onCode`
 * (the caller decides what to do with repeats). The camera stops when the scanner closes or the page is left.
 */
export function QrScanner({ onCode, autoStart = false }: { onCode: (text: string) => void; autoStart?: boolean }) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const frameRef = useRef(0);
  // Each start is a run; a stop ends it, so a camera that answers after the scanner closed is let go at once.
  const runRef = useRef(0);
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;
  const [state, setState] = useState<CameraState>('idle');

  const stop = () => {
    runRef.current += 1;
    cancelAnimationFrame(frameRef.current);
    for (const track of streamRef.current?.getTracks() ?? []) track.stop();
    streamRef.current = null;
    setState((s) => (s === 'running' || s === 'starting' ? 'idle' : s));
  };

  const loop = (decode: (frame: Frame) => string | null, canvas: HTMLCanvasElement, last: number) => (now: number) => {
    const video = videoRef.current;
    let at = last;
    if (video && video.readyState >= 2 && now - last >= FRAME_EVERY_MS) {
      at = now;
      const scale = Math.min(1, FRAME_WIDTH / video.videoWidth);
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (ctx && canvas.width > 0) {
        ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
        const text = decode(ctx.getImageData(0, 0, canvas.width, canvas.height));
        if (text) onCodeRef.current(text);
      }
    }
    frameRef.current = requestAnimationFrame(loop(decode, canvas, at));
  };

  const start = async () => {
    if (!navigator.mediaDevices?.getUserMedia) {
      setState('unavailable');
      return;
    }
    setState('starting');
    const run = ++runRef.current;
    try {
      // The decoder comes with the camera: most pages that show a scanner never open it.
      const { decodeFrame } = await import('./qr-decode.js');
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment' },
        audio: false,
      });
      if (run !== runRef.current) {
        for (const track of stream.getTracks()) track.stop();
        return;
      }
      streamRef.current = stream;
      const video = videoRef.current;
      if (!video) return;
      video.srcObject = stream;
      await video.play();
      setState('running');
      frameRef.current = requestAnimationFrame(loop(decodeFrame, document.createElement('canvas'), 0));
    } catch (err) {
      if (run !== runRef.current) return;
      stop();
      setState(err instanceof DOMException && err.name === 'NotAllowedError' ? 'denied' : 'unavailable');
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: start once, stop on leaving
  useEffect(() => {
    if (autoStart) void start();
    return stop;
  }, []);

  const live = state === 'running' || state === 'starting';
  return (
    <Stack gap="sm" align="center" data-testid="qr-scanner">
      <Box
        w="100%"
        maw={420}
        style={{
          aspectRatio: '1',
          borderRadius: 12,
          overflow: 'hidden',
          background: '#111',
          display: live ? 'block' : 'none',
          position: 'relative',
        }}
      >
        <video ref={videoRef} muted playsInline style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
        {/* Where to hold the code. */}
        <Box
          style={{ position: 'absolute', inset: '18%', border: '3px solid rgba(255,255,255,0.85)', borderRadius: 12 }}
        />
      </Box>
      {state === 'denied' ? (
        <Alert color="yellow" w="100%">
          {t('trainings.scanner.denied')}
        </Alert>
      ) : null}
      {state === 'unavailable' ? (
        <Alert color="yellow" w="100%">
          {t('trainings.scanner.unavailable')}
        </Alert>
      ) : null}
      {live ? (
        <Button variant="default" leftSection={<IconCameraOff size={18} />} onClick={stop}>
          {t('trainings.scanner.stop')}
        </Button>
      ) : (
        <Button
          size="lg"
          leftSection={<IconCamera size={22} />}
          onClick={() => void start()}
          data-testid="scanner-start"
        >
          {t('trainings.scanner.start')}
        </Button>
      )}
    </Stack>
  );
}

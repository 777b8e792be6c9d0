// libheif-js (libheif and libde265 built to WebAssembly) ships emscripten typings that do not resolve as a
// module; this is the part process.ts uses. Calling the default export makes a new decoder instance,
// synchronously (the wasm binary is embedded).
declare module 'libheif-js/libheif-wasm/libheif-bundle.js' {
  /** An embind enum value: compare by identity with the constants below. */
  type HeifEnum = { readonly value: number };
  type HeifError = { code: HeifEnum; subcode: HeifEnum; message: string };
  type HeifContext = { readonly __heif: 'context' };
  type HeifImageHandle = { readonly __heif: 'handle' };
  type HeifChannel = {
    id: HeifEnum;
    /** A view into the instance's memory: valid until heif_image_release. */
    data: Uint8Array;
    stride: number;
    width: number;
    height: number;
    bits_per_pixel: number;
  };
  type HeifDecoded = { image: unknown; width: number; height: number; channels: HeifChannel[] };

  export type LibHeif = {
    heif_error_code: { heif_error_Ok: HeifEnum };
    heif_colorspace: { heif_colorspace_RGB: HeifEnum };
    heif_chroma: { heif_chroma_interleaved_RGB: HeifEnum; heif_chroma_interleaved_RGBA: HeifEnum };
    heif_channel: { heif_channel_interleaved: HeifEnum };
    heif_context_alloc(): HeifContext;
    heif_context_free(ctx: HeifContext): void;
    heif_context_read_from_memory(ctx: HeifContext, data: Uint8Array): HeifError;
    /** The primary picture's handle, or the error that prevented it. */
    heif_js_context_get_primary_image_handle(ctx: HeifContext): HeifImageHandle | HeifError | null;
    /** Size after the irot/imir/clap transforms (which decoding applies). */
    heif_image_handle_get_width(handle: HeifImageHandle): number;
    heif_image_handle_get_height(handle: HeifImageHandle): number;
    heif_image_handle_has_alpha_channel(handle: HeifImageHandle): number;
    heif_image_handle_release(handle: HeifImageHandle): void;
    heif_js_decode_image2(
      handle: HeifImageHandle,
      colorspace: HeifEnum,
      chroma: HeifEnum,
    ): HeifDecoded | HeifError | null | Promise<HeifDecoded | HeifError | null>;
    heif_image_release(image: unknown): void;
  };

  export default function libheif(options?: object): LibHeif;
}

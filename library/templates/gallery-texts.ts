/** The gallery texts of the templates written in code (gallery.json; see kit/gallery.ts). */
import { type GalleryEntry, parseGallery } from '../kit';
import galleryFile from './gallery.json';

export type GalleryId = keyof typeof galleryFile;

/** Every entry of gallery.json, by template id. */
export const GALLERY: Record<string, GalleryEntry> = parseGallery(galleryFile, 'templates/gallery.json');

/** A template's id with its gallery texts and purpose, to spread into its defineTemplates. */
export function galleryOf(id: GalleryId): GalleryEntry & { id: GalleryId } {
  return { id, ...GALLERY[id] };
}

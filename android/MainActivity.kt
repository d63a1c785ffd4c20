// The Android activity dx builds the app around (Dioxus.toml's `[application]
// android_main_activity` points here; dx copies this file as it is, so the BuildConfig alias
// names the application id itself). It adds what the Rust side cannot do alone: handing a
// slip or certificate to the system's share sheet (src/platform/hand_out.rs calls
// `shareSlip` through JNI), served by `SlipProvider` below.
//
// NOT BUILT HERE: the project's machines have no Android SDK or Kotlin compiler
// (docs/mobile.md). scripts/check-android.sh checks that this file, the manifest and the Rust
// call agree on the names.
package dev.dioxus.main

import android.content.ContentProvider
import android.content.ContentValues
import android.content.Intent
import android.database.Cursor
import android.database.MatrixCursor
import android.net.Uri
import android.os.ParcelFileDescriptor
import android.provider.OpenableColumns
import java.io.File
import java.io.FileNotFoundException

typealias BuildConfig = org.merhaba.app.BuildConfig

class MainActivity : WryActivity() {
    /**
     * Opens the share sheet for `name`, a file the app has just written to its cache folder's
     * `slips/` (and nowhere else). The app chosen gets a read grant for that one file only,
     * through a content:// address of SlipProvider; the person decides where it goes (save
     * to Files, print, send).
     */
    fun shareSlip(name: String, mime: String) {
        val uri = Uri.Builder()
            .scheme("content")
            .authority(SlipProvider.AUTHORITY)
            .appendPath(name)
            .build()
        val send = Intent(Intent.ACTION_SEND).apply {
            type = mime
            putExtra(Intent.EXTRA_STREAM, uri)
            addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
        }
        runOnUiThread { startActivity(Intent.createChooser(send, null)) }
    }
}

/**
 * Serves the files of the cache folder's `slips/`, read only, to an app the person shared
 * one with. Not exported: no other app can ask it for anything without a grant for one file.
 * The folder holds at most the last file handed out (hand_out.rs empties it first).
 */
class SlipProvider : ContentProvider() {
    companion object {
        const val AUTHORITY = "org.merhaba.app.slips"
    }

    private fun slip(uri: Uri): File {
        val dir = File(context?.cacheDir ?: throw FileNotFoundException("no context"), "slips")
        val name = uri.lastPathSegment ?: throw FileNotFoundException(uri.toString())
        val file = File(dir, name)
        if (file.parentFile?.canonicalPath != dir.canonicalPath || !file.isFile) {
            throw FileNotFoundException(name)
        }
        return file
    }

    override fun onCreate(): Boolean = true

    override fun openFile(uri: Uri, mode: String): ParcelFileDescriptor {
        if (mode != "r") throw SecurityException("slips are read only")
        return ParcelFileDescriptor.open(slip(uri), ParcelFileDescriptor.MODE_READ_ONLY)
    }

    override fun query(
        uri: Uri,
        projection: Array<out String>?,
        selection: String?,
        selectionArgs: Array<out String>?,
        sortOrder: String?,
    ): Cursor {
        val file = slip(uri)
        val cursor = MatrixCursor(arrayOf(OpenableColumns.DISPLAY_NAME, OpenableColumns.SIZE))
        cursor.addRow(arrayOf<Any>(file.name, file.length()))
        return cursor
    }

    override fun getType(uri: Uri): String = when (uri.lastPathSegment?.substringAfterLast('.')) {
        "pdf" -> "application/pdf"
        "png" -> "image/png"
        else -> "application/octet-stream"
    }

    override fun insert(uri: Uri, values: ContentValues?): Uri? = null

    override fun delete(uri: Uri, selection: String?, selectionArgs: Array<out String>?): Int = 0

    override fun update(
        uri: Uri,
        values: ContentValues?,
        selection: String?,
        selectionArgs: Array<out String>?,
    ): Int = 0
}

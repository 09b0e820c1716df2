"""The same marks on every computer, through a folder the user's own sync tool
keeps in step (Syncthing, Nextcloud, Dropbox, a USB stick): no server.

`engine.sync(library, folder, state_dir)` runs one sync; `files` is the folder's
file format; `document` the CRDT document (loro) every computer's file holds.
"""
